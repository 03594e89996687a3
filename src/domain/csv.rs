//! Reading a CSV file (RFC 4180) into records with their line numbers, for the imports
//! (`service/imports.rs`). Pure: no IO.
//!
//! What a file made by a spreadsheet brings along is accepted: a UTF-8 byte order mark, CRLF or
//! LF line ends, quoted fields (with `""` for a quote, commas and line breaks inside), and blank
//! lines (skipped). A record's line is the line it starts on, the header being line 1, so a
//! message points where the person looks in her editor. The sizes are bounded before this runs
//! (the caller's body limit); the record count is bounded here.

/// A record of the file: the line it starts on and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Why a file cannot be read at all (a record-level problem is the caller's to report).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct CsvError {
    pub line: usize,
    /// `not_utf8`, `unterminated_quote`, `stray_quote`, `empty_file`, `wrong_header`,
    /// `too_many_rows`.
    pub code: &'static str,
}

/// The records of `bytes` after its header, which must be `header` (compared without case or
/// surrounding spaces). At most `max_rows` records.
pub fn parse_csv(
    bytes: &[u8],
    header: &[&str],
    max_rows: usize,
) -> Result<Vec<CsvRecord>, CsvError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| CsvError {
        line: 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count(),
        code: "not_utf8",
    })?;
    let mut records = records(text)?.into_iter();
    let first = records.next().ok_or(CsvError {
        line: 1,
        code: "empty_file",
    })?;
    let same = first.fields.len() == header.len()
        && first
            .fields
            .iter()
            .zip(header)
            .all(|(got, want)| got.trim().eq_ignore_ascii_case(want));
    if !same {
        return Err(CsvError {
            line: first.line,
            code: "wrong_header",
        });
    }
    let mut out = Vec::new();
    for r in records {
        if out.len() == max_rows {
            return Err(CsvError {
                line: r.line,
                code: "too_many_rows",
            });
        }
        out.push(r);
    }
    Ok(out)
}

/// Every non-blank record of `text`.
fn records(text: &str) -> Result<Vec<CsvRecord>, CsvError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    while chars.peek().is_some() {
        let start = line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted_field = false;
        loop {
            match chars.next() {
                None => {
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                Some('"') if field.is_empty() && !quoted_field => {
                    quoted_field = true;
                    loop {
                        match chars.next() {
                            None => {
                                return Err(CsvError {
                                    line: start,
                                    code: "unterminated_quote",
                                });
                            }
                            Some('"') if chars.peek() == Some(&'"') => {
                                chars.next();
                                field.push('"');
                            }
                            Some('"') => break,
                            Some(c) => {
                                if c == '\n' {
                                    line += 1;
                                }
                                field.push(c);
                            }
                        }
                    }
                    // After the closing quote: a separator, a line end or the end.
                    match chars.peek() {
                        None | Some(',' | '\r' | '\n') => {}
                        Some(_) => {
                            return Err(CsvError {
                                line,
                                code: "stray_quote",
                            });
                        }
                    }
                }
                Some('"') => {
                    return Err(CsvError {
                        line,
                        code: "stray_quote",
                    });
                }
                Some(',') => {
                    fields.push(std::mem::take(&mut field));
                    quoted_field = false;
                }
                Some('\r') if chars.peek() == Some(&'\n') => {}
                Some('\n') => {
                    fields.push(std::mem::take(&mut field));
                    line += 1;
                    break;
                }
                Some(c) => field.push(c),
            }
        }
        let blank = fields.len() == 1 && fields[0].trim().is_empty() && !quoted_field;
        if !blank {
            out.push(CsvRecord {
                line: start,
                fields,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Vec<CsvRecord>, CsvError> {
        parse_csv(text.as_bytes(), &["a", "b"], 3)
    }

    #[test]
    fn quoted_fields_crlf_bom_and_blank_lines() {
        let r =
            parse("\u{feff}A,b\r\n\r\n\"x, \"\"y\"\"\",2\r\n\"multi\nline\",3\n\nlast,4").unwrap();
        assert_eq!(
            r,
            vec![
                CsvRecord {
                    line: 3,
                    fields: vec!["x, \"y\"".into(), "2".into()]
                },
                CsvRecord {
                    line: 4,
                    fields: vec!["multi\nline".into(), "3".into()]
                },
                CsvRecord {
                    line: 7,
                    fields: vec!["last".into(), "4".into()]
                },
            ]
        );
    }

    #[test]
    fn refusals_name_their_line() {
        assert_eq!(parse("a,c\n").unwrap_err().code, "wrong_header");
        assert_eq!(parse("").unwrap_err().code, "empty_file");
        assert_eq!(
            parse("a,b\n1,2\n\"open,3\n").unwrap_err(),
            CsvError {
                line: 3,
                code: "unterminated_quote"
            }
        );
        assert_eq!(
            parse("a,b\n1,2\nx\"y,3\n").unwrap_err(),
            CsvError {
                line: 3,
                code: "stray_quote"
            }
        );
        assert_eq!(
            parse("a,b\n1,1\n2,2\n3,3\n4,4\n").unwrap_err(),
            CsvError {
                line: 5,
                code: "too_many_rows"
            }
        );
        assert_eq!(
            parse_csv(b"a,b\n1,\xff\n", &["a", "b"], 3).unwrap_err(),
            CsvError {
                line: 2,
                code: "not_utf8"
            }
        );
    }
}
