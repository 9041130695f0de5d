//! How PowerShell shows what a pipeline leaves: objects of four properties or fewer as a
//! table, of five or more as a list; strings, numbers and booleans a line each; a blank
//! line before and after each table or list, as Windows PowerShell 5.1 prints them.

use super::value::{Object, Value};

/// `Out-Default`: the lines the console prints for a statement's output.
pub fn out_default(items: &[Value]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < items.len() {
        match &items[i] {
            Value::Null => i += 1,
            Value::Object(first) => {
                // One table or list per run of objects of the same type.
                let run: Vec<&Object> = items[i..]
                    .iter()
                    .map_while(|v| match v {
                        Value::Object(o) if o.type_name == first.type_name => Some(o),
                        _ => None,
                    })
                    .collect();
                i += run.len();
                if first.props.len() <= 4 {
                    out.extend(table(&run, None));
                } else {
                    out.extend(list(&run, None));
                }
            }
            Value::Format(text) => {
                out.extend(text.split('\n').map(str::to_owned));
                i += 1;
            }
            Value::Array(inner) => {
                out.extend(out_default(inner));
                i += 1;
            }
            other => {
                out.extend(other.text().lines().map(str::to_owned));
                i += 1;
            }
        }
    }
    out
}

/// The properties to show: the ones asked for (wildcards allowed), in that order, or all.
fn columns(first: &Object, only: Option<&[String]>) -> Vec<String> {
    match only {
        None => first.props.iter().map(|(k, _)| k.clone()).collect(),
        Some(names) => {
            let mut cols: Vec<String> = Vec::new();
            for name in names {
                let found: Vec<String> = first
                    .props
                    .iter()
                    .map(|(k, _)| k.clone())
                    .filter(|k| super::value::wildcard(name, k))
                    .collect();
                if found.is_empty() && !name.contains(['*', '?', '[']) {
                    // A property the objects lack still gets its (empty) column.
                    cols.push(name.clone());
                }
                for k in found {
                    if !cols.contains(&k) {
                        cols.push(k);
                    }
                }
            }
            cols
        }
    }
}

/// `Format-Table`: a header, dashes under each name, the rows; columns as wide as their
/// widest cell, one space apart, the last one not padded.
pub fn table(objects: &[&Object], only: Option<&[String]>) -> Vec<String> {
    let Some(first) = objects.first() else {
        return Vec::new();
    };
    let cols = columns(first, only);
    let rows: Vec<Vec<String>> = objects
        .iter()
        .map(|o| {
            cols.iter()
                .map(|c| o.get(c).map_or_else(String::new, Value::cell))
                .collect()
        })
        .collect();
    let widths: Vec<usize> = cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([c.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: Vec<String>| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect::<Vec<_>>()
            .join(" ")
            .trim_end()
            .to_owned()
    };
    let mut out = vec![String::new(), line(cols.clone())];
    out.push(line(
        cols.iter().map(|c| "-".repeat(c.chars().count())).collect(),
    ));
    out.extend(rows.into_iter().map(line));
    out.push(String::new());
    out
}

/// `Format-List`: each object's properties a line each, `Name : value`, the names padded
/// to the longest; a blank line between objects.
pub fn list(objects: &[&Object], only: Option<&[String]>) -> Vec<String> {
    let mut out = vec![String::new()];
    for o in objects {
        let cols = columns(o, only);
        let width = cols.iter().map(|c| c.chars().count()).max().unwrap_or(0);
        for c in &cols {
            let value = o.get(c).map_or_else(String::new, Value::cell);
            out.push(format!("{c:<width$} : {value}").trim_end().to_owned());
        }
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, name: &str) -> Value {
        Value::Object(Object::new(
            "T",
            vec![("Id", Value::str(id)), ("Name", Value::str(name))],
        ))
    }

    #[test]
    fn tables_pad_like_format_table() {
        assert_eq!(
            out_default(&[row("1", "Visio"), row("200", "BI"), Value::str("done")]),
            vec!["", "Id  Name", "--  ----", "1   Visio", "200 BI", "", "done"]
        );
    }

    #[test]
    fn five_properties_make_a_list() {
        let o = Value::Object(Object::new(
            "L",
            vec![
                ("PolicyId", Value::str("A")),
                ("PolicyValue", Value::str("Enabled")),
                ("ScopeId", Value::str("SaaS")),
                ("ScopeValue", Value::str("Software as a Service")),
                ("Scope", Value::str("OfferType")),
            ],
        ));
        assert_eq!(
            out_default(&[o]),
            vec![
                "",
                "PolicyId    : A",
                "PolicyValue : Enabled",
                "ScopeId     : SaaS",
                "ScopeValue  : Software as a Service",
                "Scope       : OfferType",
                ""
            ]
        );
    }
}
