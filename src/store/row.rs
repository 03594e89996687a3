//! One result row with the names of its columns. Repositories read each column by the name
//! their SELECT gives it (`row.text("name")`), so adding, removing or reordering a column in a
//! column list cannot shift fields silently: a name the result lacks is an error. Both adapters
//! give the names (SQLite: the column's name or its `AS` alias; PostgreSQL: the same, lower
//! case), so an expression (`COUNT(*)`, `x IS NOT NULL`) is read through an alias.

use std::sync::Arc;

use super::{StoreError, StoreResult, Value};
use crate::domain::Id;

/// Which column to read: by name (what the repositories do), or by position for a one-off
/// query of a single value (a count in a test or a tool).
pub trait Column: Copy {
    fn index(self, names: &[String]) -> Option<usize>;
    fn describe(self) -> String;
}

impl Column for &str {
    fn index(self, names: &[String]) -> Option<usize> {
        names.iter().position(|n| n == self)
    }
    fn describe(self) -> String {
        self.to_owned()
    }
}

impl Column for usize {
    fn index(self, names: &[String]) -> Option<usize> {
        (self < names.len()).then_some(self)
    }
    fn describe(self) -> String {
        format!("#{self}")
    }
}

/// One result row: its values and the names of the result's columns (shared by its rows).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    columns: Arc<[String]>,
    values: Vec<Value>,
}

impl Row {
    /// `values` in the order of `columns`; a missing value reads as absent, not shifted.
    pub fn new(columns: Arc<[String]>, values: Vec<Value>) -> Self {
        Self { columns, values }
    }

    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    pub fn values(&self) -> &[Value] {
        &self.values
    }

    /// The value of a column, whatever its type.
    pub fn get(&self, col: impl Column) -> StoreResult<&Value> {
        col.index(&self.columns)
            .and_then(|i| self.values.get(i))
            .ok_or_else(|| StoreError::MissingColumn(col.describe()))
    }

    pub fn text(&self, col: impl Column) -> StoreResult<String> {
        match self.get(col)? {
            Value::Text(s) => Ok(s.clone()),
            _ => Err(StoreError::Decode(col.describe())),
        }
    }
    pub fn opt_text(&self, col: impl Column) -> StoreResult<Option<String>> {
        match self.get(col)? {
            Value::Null => Ok(None),
            _ => self.text(col).map(Some),
        }
    }
    /// An id column, as its type (`BeneficiaryId`...).
    pub fn id<T: Id>(&self, col: impl Column) -> StoreResult<T> {
        self.text(col).map(T::stored)
    }
    pub fn opt_id<T: Id>(&self, col: impl Column) -> StoreResult<Option<T>> {
        Ok(self.opt_text(col)?.map(T::stored))
    }
    pub fn int(&self, col: impl Column) -> StoreResult<i64> {
        match self.get(col)? {
            Value::Int(v) => Ok(*v),
            _ => Err(StoreError::Decode(col.describe())),
        }
    }
    pub fn opt_int(&self, col: impl Column) -> StoreResult<Option<i64>> {
        match self.get(col)? {
            Value::Null => Ok(None),
            _ => self.int(col).map(Some),
        }
    }
    pub fn bool(&self, col: impl Column) -> StoreResult<bool> {
        self.int(col).map(|v| v != 0)
    }
    pub fn blob(&self, col: impl Column) -> StoreResult<Vec<u8>> {
        match self.get(col)? {
            Value::Blob(b) => Ok(b.clone()),
            _ => Err(StoreError::Decode(col.describe())),
        }
    }
    pub fn opt_blob(&self, col: impl Column) -> StoreResult<Option<Vec<u8>>> {
        match self.get(col)? {
            Value::Null => Ok(None),
            _ => self.blob(col).map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(names: &[&str], values: Vec<Value>) -> Row {
        Row::new(names.iter().map(|n| (*n).to_owned()).collect(), values)
    }

    #[test]
    fn reads_by_name_whatever_the_order() {
        let a = row(&["id", "size"], vec!["x".into(), 7_i64.into()]);
        let b = row(&["size", "id"], vec![7_i64.into(), "x".into()]);
        for r in [a, b] {
            assert_eq!(r.text("id").ok().as_deref(), Some("x"));
            assert_eq!(r.int("size").ok(), Some(7));
        }
    }

    #[test]
    fn a_missing_or_renamed_column_is_an_error_not_a_shifted_field() {
        let r = row(&["id", "sizes"], vec!["x".into(), 7_i64.into()]);
        assert!(matches!(r.int("size"), Err(StoreError::MissingColumn(c)) if c == "size"));
        assert!(matches!(
            r.opt_int("size"),
            Err(StoreError::MissingColumn(_))
        ));
        // A column of another type is a decoding error, never read as its neighbour.
        assert!(matches!(r.int("id"), Err(StoreError::Decode(c)) if c == "id"));
        assert!(matches!(r.text(2), Err(StoreError::MissingColumn(c)) if c == "#2"));
    }
}
