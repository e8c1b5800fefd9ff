//! Reading rows: CSV records and JSON arrays of objects (through an RFC 6901 pointer) into cells by field.

use super::*;

pub(super) fn csv_rows(
    text: &SourceText,
    given: Option<ColumnMapping>,
) -> Result<(ColumnMapping, Vec<Row>), ParseError> {
    let source = text.as_str();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(source.as_bytes());
    let csv_error = |e: csv::Error| {
        let offset = e.position().map_or(0, |p| p.byte() as usize);
        error(
            text,
            offset,
            format!("not a CSV file the way it is written: {e}"),
        )
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_owned())
        .collect();
    let mapping = mapping_for(given, &headers);
    missing_columns(text, &mapping, |c| headers.iter().any(|h| h == c), &headers)?;
    let index: Vec<(&'static str, usize)> = mapping
        .columns()
        .into_iter()
        .filter_map(|(field, column)| Some((field, headers.iter().position(|h| h == column)?)))
        .collect();
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let more = reader.read_record(&mut record).map_err(csv_error)?;
        if !more {
            break;
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let cells = index
            .iter()
            .filter_map(|(field, i)| {
                let value = record.get(*i)?.trim();
                (!value.is_empty()).then(|| (*field, Cell::Text(value.to_owned())))
            })
            .collect();
        rows.push(Row {
            number: rows.len() + 1,
            start,
            end: source.len(),
            cells,
        });
    }
    // A row ends where the next begins, without its line end.
    for i in 0..rows.len() {
        let end = rows.get(i + 1).map_or(source.len(), |next| next.start);
        rows[i].end = rows[i].start + source[rows[i].start..end].trim_end().len();
    }
    Ok((mapping, rows))
}

/// Follows an RFC 6901 pointer through borrowed JSON values.
pub(super) fn follow<'a>(
    text: &SourceText,
    root: &'a RawValue,
    pointer: &str,
) -> Result<&'a RawValue, ParseError> {
    let source = text.as_str();
    let offset = |raw: &RawValue| raw.get().as_ptr() as usize - source.as_ptr() as usize;
    let mut current = root;
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        let next = if current.get().starts_with('{') {
            serde_json::from_str::<BTreeMap<String, &RawValue>>(current.get())
                .ok()
                .and_then(|map| map.get(&token).copied())
        } else if current.get().starts_with('[') {
            serde_json::from_str::<Vec<&RawValue>>(current.get())
                .ok()
                .and_then(|items| {
                    token
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| items.get(i).copied())
                })
        } else {
            None
        };
        current = next.ok_or_else(|| {
            error(
                text,
                offset(current),
                format!(
                    "the pointer {pointer:?} of [document.columns] finds no {token:?} here; fix `pointer`"
                ),
            )
        })?;
    }
    Ok(current)
}

pub(super) fn json_rows(
    text: &SourceText,
    given: Option<ColumnMapping>,
) -> Result<(ColumnMapping, Vec<Row>), ParseError> {
    let source = text.as_str();
    let body = source.trim_start_matches('\u{feff}');
    let root: &RawValue = serde_json::from_str(body).map_err(|e| {
        let (line, column) = (e.line() as u32, e.column() as u32);
        ParseError {
            path: text.path().to_owned(),
            line,
            column,
            message: format!("not a JSON document: {e}"),
        }
    })?;
    let pointer = given
        .as_ref()
        .and_then(|m| m.pointer.clone())
        .unwrap_or_default();
    let array = follow(text, root, &pointer)?;
    let offset = |raw: &RawValue| raw.get().as_ptr() as usize - source.as_ptr() as usize;
    let items: Vec<&RawValue> = serde_json::from_str(array.get()).map_err(|_| {
        error(
            text,
            offset(array),
            "expected an array of rows here; point `pointer` of [document.columns] at the array"
                .to_owned(),
        )
    })?;
    // Each row's byte offset, its raw text and, when it is an object, its fields.
    type Object<'a> = (usize, &'a RawValue, Option<serde_json::Map<String, Value>>);
    let objects: Vec<Object<'_>> = items
        .iter()
        .map(|raw| (offset(raw), *raw, serde_json::from_str(raw.get()).ok()))
        .collect();
    let headers: Vec<String> = objects
        .iter()
        .filter_map(|(_, _, o)| o.as_ref())
        .flat_map(|o| o.keys().cloned())
        .fold(Vec::new(), |mut keys, key| {
            if !keys.contains(&key) {
                keys.push(key);
            }
            keys
        });
    let mapping = mapping_for(given, &headers);
    missing_columns(text, &mapping, |c| headers.iter().any(|h| h == c), &headers)?;
    let rows = objects
        .into_iter()
        .enumerate()
        .map(|(i, (start, raw, object))| {
            let cells = object.map_or_else(BTreeMap::new, |object| {
                mapping
                    .columns()
                    .into_iter()
                    .filter_map(|(field, column)| Some((field, cell(object.get(column)?)?)))
                    .collect()
            });
            Row {
                number: i + 1,
                start,
                end: start + raw.get().len(),
                cells,
            }
        })
        .collect();
    Ok((mapping, rows))
}

/// A JSON value as a cell: strings and numbers as text, arrays as items
/// (objects in an array by their `name`), nothing for null or empty.
pub(super) fn cell(value: &Value) -> Option<Cell> {
    let scalar = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_owned),
        _ => None,
    };
    match value {
        Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .filter_map(scalar)
                .filter(|s| !s.is_empty())
                .collect();
            (!items.is_empty()).then_some(Cell::Items(items))
        }
        other => scalar(other).filter(|s| !s.is_empty()).map(Cell::Text),
    }
}
