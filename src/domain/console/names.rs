//! The console's cmdlets by name: the list `Get-Help` gives, the one a mistyped name is
//! closest to, and whether a name is one of PowerShell's own that the subset does not run.

use super::bind;

/// The cmdlets the console runs, for `Get-Help`.
pub fn cmdlet_list() -> String {
    bind::SPECS
        .iter()
        .map(|s| s.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The console's cmdlets by name, for completion and the tests.
pub fn cmdlet_names() -> impl Iterator<Item = &'static str> {
    bind::SPECS.iter().map(|s| s.name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(!ca.eq_ignore_ascii_case(cb)));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The console's cmdlet a mistyped name is closest to, when it is close (this app's
/// suggestion: Windows PowerShell 5.1 makes none).
pub fn suggest(name: &str) -> Option<&'static str> {
    // Long names take more slips: a doubled word (the page's "UpdateUpdate-…") included.
    let chars = name.chars().count();
    if chars > 200 {
        return None;
    }
    bind::SPECS
        .iter()
        .map(|s| (edit_distance(name, s.name), s.name))
        .min()
        .filter(|(d, _)| *d <= 4 || *d * 5 <= chars)
        .map(|(_, n)| n)
}

/// PowerShell's approved verbs: a `Verb-Noun` name with one of them is a cmdlet PowerShell
/// may well have, so the console says it does not run it rather than that it does not exist.
const VERBS: [&str; 60] = [
    "Add",
    "Approve",
    "Assert",
    "Backup",
    "Block",
    "Checkpoint",
    "Clear",
    "Close",
    "Compare",
    "Complete",
    "Compress",
    "Confirm",
    "Connect",
    "Convert",
    "ConvertFrom",
    "ConvertTo",
    "Copy",
    "Debug",
    "Deny",
    "Disable",
    "Disconnect",
    "Dismount",
    "Edit",
    "Enable",
    "Enter",
    "Exit",
    "Expand",
    "Export",
    "Find",
    "Format",
    "Get",
    "Grant",
    "Group",
    "Hide",
    "Import",
    "Install",
    "Invoke",
    "Join",
    "Limit",
    "Lock",
    "Measure",
    "Merge",
    "Mount",
    "Move",
    "New",
    "Open",
    "Out",
    "Publish",
    "Read",
    "Register",
    "Remove",
    "Rename",
    "Reset",
    "Resolve",
    "Restart",
    "Save",
    "Select",
    "Set",
    "Start",
    "Stop",
];
const MORE_VERBS: [&str; 14] = [
    "Show",
    "Skip",
    "Split",
    "Step",
    "Submit",
    "Suspend",
    "Switch",
    "Sync",
    "Test",
    "Trace",
    "Uninstall",
    "Unregister",
    "Update",
    "Wait",
];
/// Aliases of Windows PowerShell 5.1 that people type.
const ALIASES: [&str; 24] = [
    "ls", "dir", "cd", "cat", "gci", "gc", "gm", "measure", "group", "tee", "iex", "icm", "sleep",
    "gps", "gsv", "ni", "rm", "del", "cp", "mv", "pwd", "type", "sv", "gv",
];

/// The name as PowerShell would know it, if it is one of its cmdlets or aliases rather than
/// a slip of one of the console's own.
pub(super) fn powershell_knows(name: &str) -> Option<String> {
    if ALIASES.iter().any(|a| a.eq_ignore_ascii_case(name)) {
        return Some(name.to_owned());
    }
    let (verb, noun) = name.split_once('-')?;
    let approved = VERBS
        .iter()
        .chain(MORE_VERBS.iter())
        .any(|v| v.eq_ignore_ascii_case(verb));
    let ours_mistyped = suggest(name).is_some() || noun.to_ascii_lowercase().contains("mscommerce");
    (approved && !noun.is_empty() && !ours_mistyped).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion_and_other_cmdlets_do_not() {
        assert_eq!(
            suggest("Get-MSCommerceProductPolicys"),
            Some("Get-MSCommerceProductPolicy")
        );
        assert_eq!(suggest("Connect-MsComerce"), Some("Connect-MSCommerce"));
        assert_eq!(
            suggest("UpdateUpdate-MSCommerceProductPolicy"),
            Some("Update-MSCommerceProductPolicy")
        );
        assert_eq!(suggest("Remove-Item"), None);
        assert_eq!(
            powershell_knows("Remove-Item").as_deref(),
            Some("Remove-Item")
        );
        assert_eq!(powershell_knows("Get-MSCommerceProductPolicys"), None);
        assert_eq!(powershell_knows("Frobnicate"), None);
    }
}
