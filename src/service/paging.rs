//! Pages of a list: 50 rows at a time, read with SQL `LIMIT`/`OFFSET` on an indexed order so a
//! page costs the same whatever the size of the list.

use serde::Serialize;

/// Rows per page, on every paginated list.
pub const PAGE_SIZE: u32 = 50;

/// The last page number accepted (5 million rows at 50 a page): beyond, a page number is
/// refused rather than turned into a huge offset.
pub const MAX_PAGE: u32 = 100_000;

/// A page number, checked: 1 to `MAX_PAGE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageNumber(u32);

impl PageNumber {
    pub const FIRST: Self = Self(1);

    /// From a query string's `page`: absent is the first page; anything but 1..=`MAX_PAGE` is
    /// refused (400, never a 500 or an empty guess).
    pub fn parse(raw: Option<&str>) -> Result<Self, crate::domain::InvalidInput> {
        let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
            return Ok(Self::FIRST);
        };
        match raw.parse::<u32>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(Self(n)),
            _ => Err(crate::domain::InvalidInput::new("page", "invalid_page")),
        }
    }
    pub fn get(self) -> u32 {
        self.0
    }
    /// SQL `LIMIT` and `OFFSET`: one row more than a page, to know whether a next one exists.
    pub fn window(self) -> (i64, i64) {
        (
            i64::from(PAGE_SIZE) + 1,
            i64::from(self.0 - 1) * i64::from(PAGE_SIZE),
        )
    }
}

/// One page of a list.
#[derive(Debug, Clone, Serialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub page: u32,
    pub has_next: bool,
    /// How many rows the whole list has, where it is cheap to count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<i64>,
}

impl<T> Page<T> {
    /// The page from rows read with `window()` (one more than a page when a next one exists).
    pub fn from_window(mut rows: Vec<T>, page: PageNumber, total: Option<i64>) -> Self {
        let has_next = rows.len() > PAGE_SIZE as usize;
        rows.truncate(PAGE_SIZE as usize);
        Self {
            items: rows,
            page: page.get(),
            has_next,
            total,
        }
    }
    /// The page `page` of a list already in memory (a search's matches).
    pub fn slice(all: Vec<T>, page: PageNumber) -> Self {
        let total = all.len() as i64;
        let (limit, offset) = page.window();
        let rows: Vec<T> = all
            .into_iter()
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(0))
            .collect();
        Self::from_window(rows, page, Some(total))
    }
    pub fn has_previous(&self) -> bool {
        self.page > 1
    }
}
