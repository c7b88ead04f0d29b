//! One SQL text for both backends. Statements use only syntax SQLite and PostgreSQL share
//! (`$N` parameters, which SQLite accepts too; `RETURNING`; `ON CONFLICT`), values are bound
//! from [`Value`], and rows are read through [`Row::get`]. The DDL, where the two differ,
//! lives in one migrations folder per backend.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Decode, Postgres, Row as _, SqlSafeStr, Sqlite, Transaction, Type};

/// A value bound to a statement parameter. Nulls keep their type, because PostgreSQL checks a
/// parameter's declared type against the column's.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Int(Option<i64>),
    Real(Option<f64>),
    Text(Option<String>),
    Bool(bool),
    Date(Option<NaiveDate>),
    Time(DateTime<Utc>),
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Self::Int(Some(v))
    }
}

impl From<Option<i64>> for Value {
    fn from(v: Option<i64>) -> Self {
        Self::Int(v)
    }
}

impl From<Option<f64>> for Value {
    fn from(v: Option<f64>) -> Self {
        Self::Real(v)
    }
}

impl From<String> for Value {
    fn from(v: String) -> Self {
        Self::Text(Some(v))
    }
}

impl From<&str> for Value {
    fn from(v: &str) -> Self {
        Self::Text(Some(v.to_owned()))
    }
}

impl From<Option<String>> for Value {
    fn from(v: Option<String>) -> Self {
        Self::Text(v)
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Self::Bool(v)
    }
}

impl From<Option<NaiveDate>> for Value {
    fn from(v: Option<NaiveDate>) -> Self {
        Self::Date(v)
    }
}

impl From<DateTime<Utc>> for Value {
    fn from(v: DateTime<Utc>) -> Self {
        Self::Time(v)
    }
}

/// A result row of either backend.
pub enum Row {
    Sqlite(SqliteRow),
    Postgres(PgRow),
}

impl Row {
    /// The value of `column`, decoded as `T`. Fails when the column is missing or its value
    /// does not decode as `T`.
    pub fn get<T>(&self, column: &str) -> Result<T, sqlx::Error>
    where
        T: for<'r> Decode<'r, Sqlite>
            + Type<Sqlite>
            + for<'r> Decode<'r, Postgres>
            + Type<Postgres>,
    {
        match self {
            Self::Sqlite(row) => row.try_get(column),
            Self::Postgres(row) => row.try_get(column),
        }
    }
}

/// An open transaction on either backend. Dropped without [`Tx::commit`], it rolls back.
pub enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

type SqliteQuery = sqlx::query::Query<'static, Sqlite, sqlx::sqlite::SqliteArguments>;
type PgQuery = sqlx::query::Query<'static, Postgres, sqlx::postgres::PgArguments>;

/// The most parameters one multi-row statement binds: under SQLite's historical limit of
/// 999, so that any build of SQLite accepts it.
const MAX_PARAMETERS: usize = 960;

/// `VALUES` placeholders for `rows` rows of `width` parameters: `($1, $2), ($3, $4)`, or
/// `(?, ?), (?, ?)` when not `numbered`. SQLite binds anonymous parameters in constant time
/// each but looks a numbered one up among all the others, which grows with the square of a
/// long statement's parameters; PostgreSQL knows only numbered ones.
fn placeholders(rows: usize, width: usize, numbered: bool) -> String {
    let mut sql = String::with_capacity(rows * width * 5);
    for row in 0..rows {
        sql.push_str(if row == 0 { "(" } else { ", (" });
        for column in 0..width {
            if column > 0 {
                sql.push_str(", ");
            }
            match numbered {
                true => {
                    sql.push('$');
                    sql.push_str(&(row * width + column + 1).to_string());
                }
                false => sql.push('?'),
            }
        }
        sql.push(')');
    }
    sql
}

fn sqlite_query(sql: impl SqlSafeStr, args: Vec<Value>) -> SqliteQuery {
    args.into_iter().fold(sqlx::query(sql), |q, v| match v {
        Value::Int(v) => q.bind(v),
        Value::Real(v) => q.bind(v),
        Value::Text(v) => q.bind(v),
        Value::Bool(v) => q.bind(v),
        Value::Date(v) => q.bind(v),
        Value::Time(v) => q.bind(v),
    })
}

fn pg_query(sql: impl SqlSafeStr, args: Vec<Value>) -> PgQuery {
    args.into_iter().fold(sqlx::query(sql), |q, v| match v {
        Value::Int(v) => q.bind(v),
        Value::Real(v) => q.bind(v),
        Value::Text(v) => q.bind(v),
        Value::Bool(v) => q.bind(v),
        Value::Date(v) => q.bind(v),
        Value::Time(v) => q.bind(v),
    })
}

impl Tx {
    /// Runs a statement; returns the number of rows it changed.
    pub async fn execute(
        &mut self,
        sql: &'static str,
        args: Vec<Value>,
    ) -> Result<u64, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(tx) => sqlite_query(sql, args)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
            Self::Postgres(tx) => pg_query(sql, args)
                .execute(&mut **tx)
                .await?
                .rows_affected(),
        })
    }

    /// Inserts `rows` with one statement per chunk of rows rather than one per row: `head`
    /// is `INSERT INTO table (columns)`, each row holds one value per column, and `tail`
    /// (an `ON CONFLICT` clause, or empty) ends every statement. Returns the rows changed.
    pub async fn insert_rows(
        &mut self,
        head: &'static str,
        rows: Vec<Vec<Value>>,
        tail: &'static str,
    ) -> Result<u64, sqlx::Error> {
        let Some(width) = rows.first().map(Vec::len).filter(|w| *w > 0) else {
            return Ok(0);
        };
        let per_statement = (MAX_PARAMETERS / width).max(1);
        let mut changed = 0;
        let mut rows = rows.into_iter().peekable();
        while rows.peek().is_some() {
            let chunk: Vec<Vec<Value>> = rows.by_ref().take(per_statement).collect();
            // only placeholders are spliced in: every value is bound
            let numbered = matches!(self, Self::Postgres(_));
            let values = placeholders(chunk.len(), width, numbered);
            let sql = format!("{head} VALUES {values}{tail}");
            let args: Vec<Value> = chunk.into_iter().flatten().collect();
            changed += match self {
                Self::Sqlite(tx) => sqlite_query(AssertSqlSafe(sql), args)
                    .execute(&mut **tx)
                    .await?
                    .rows_affected(),
                Self::Postgres(tx) => pg_query(AssertSqlSafe(sql), args)
                    .execute(&mut **tx)
                    .await?
                    .rows_affected(),
            };
        }
        Ok(changed)
    }

    /// Runs a query and returns all its rows.
    pub async fn fetch_all(
        &mut self,
        sql: &'static str,
        args: Vec<Value>,
    ) -> Result<Vec<Row>, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(tx) => sqlite_query(sql, args)
                .fetch_all(&mut **tx)
                .await?
                .into_iter()
                .map(Row::Sqlite)
                .collect(),
            Self::Postgres(tx) => pg_query(sql, args)
                .fetch_all(&mut **tx)
                .await?
                .into_iter()
                .map(Row::Postgres)
                .collect(),
        })
    }

    /// Runs a query and returns its first row, if any.
    pub async fn fetch_optional(
        &mut self,
        sql: &'static str,
        args: Vec<Value>,
    ) -> Result<Option<Row>, sqlx::Error> {
        Ok(match self {
            Self::Sqlite(tx) => sqlite_query(sql, args)
                .fetch_optional(&mut **tx)
                .await?
                .map(Row::Sqlite),
            Self::Postgres(tx) => pg_query(sql, args)
                .fetch_optional(&mut **tx)
                .await?
                .map(Row::Postgres),
        })
    }

    /// Runs a query that returns exactly one row.
    pub async fn fetch_one(
        &mut self,
        sql: &'static str,
        args: Vec<Value>,
    ) -> Result<Row, sqlx::Error> {
        self.fetch_optional(sql, args)
            .await?
            .ok_or(sqlx::Error::RowNotFound)
    }

    /// Commits. The write is durable when this returns `Ok` (SQLite: `synchronous=FULL`).
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Self::Sqlite(tx) => tx.commit().await,
            Self::Postgres(tx) => tx.commit().await,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_number_every_parameter_for_postgresql_only() {
        assert_eq!(placeholders(2, 2, true), "($1, $2), ($3, $4)");
        assert_eq!(placeholders(1, 3, false), "(?, ?, ?)");
    }
}
