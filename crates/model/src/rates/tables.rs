//! Every dated price table Lambda Lab has shipped, and the `prices`
//! parameter that pins one.
//!
//! A blog post quotes figures priced on the day it was written. When AWS
//! changes a rate, the post's embed would otherwise disagree with its own
//! text, so a link can pin the table its text quotes (`prices=2026-11-23`).
//! A pinned table fixes Lambda's own rates (requests, duration, provisioned
//! concurrency, ephemeral storage, SnapStart, region by region); the rates of
//! the services around a function (API Gateway, load balancers, logs, EC2,
//! Fargate, MicroVMs) are today's. A link without `prices`, or with
//! `prices=latest`, prices with today's table.
//!
//! When a rate changes: keep the old table's regions as they are (move them
//! to a `const` of their own), add a new [`PriceTable`] after it with the new
//! date and regions, and add its date to [`PRICE_CHOICES`]. A rate outside
//! Lambda's regional table that changes moves into [`PriceTable`] then, the
//! old value in the old table. Never remove a table: links that pin it must
//! keep their figures.

use super::lambda::{REGIONS, Region};
use crate::params::{Kind, ParamSpec};

/// One shipped table of Lambda's regional rates.
#[derive(Debug)]
pub struct PriceTable {
    /// The day the table was checked against its sources (`YYYY-MM-DD`),
    /// which is also its name in links.
    pub date: &'static str,
    /// Its version number, one more than the table before it.
    pub version: u32,
    /// Every region's Lambda rates in this table.
    pub regions: &'static [Region],
}

impl PriceTable {
    /// This table's rates for a region code.
    pub fn region(&self, code: &str) -> Option<&'static Region> {
        self.regions.iter().find(|r| r.code == code)
    }

    /// This table's rates for a region code, or why there are none (a later
    /// table may add a region an older one lacks).
    pub fn rates_in(&self, code: &str) -> Result<&'static Region, String> {
        self.region(code).ok_or_else(|| {
            ui_format!("the price table of {} has no rates for {code}; use prices=latest or another region.", self.date)
        })
    }
}

/// Every table shipped, oldest first. The last is today's.
pub const PRICE_TABLES: &[PriceTable] = &[PriceTable { date: "2026-11-23", version: 1, regions: REGIONS }];

/// Today's table: the one a link without a pin prices with.
pub const TODAY: &PriceTable = &PRICE_TABLES[PRICE_TABLES.len() - 1];

/// The date of today's table.
pub const PRICES_AS_OF: &str = TODAY.date;
/// The version of today's table.
pub const PRICE_TABLE_VERSION: u32 = TODAY.version;

/// What `prices` means when a link does not pin a table.
pub const LATEST: &str = "latest";

/// The values `prices` accepts: [`LATEST`], then every table's date (a test
/// holds this list to [`PRICE_TABLES`]).
pub const PRICE_CHOICES: &[&str] = &[LATEST, "2026-11-23"];

/// The table a `prices` value names ([`TODAY`] for [`LATEST`], an empty or
/// an unknown value; the codec refuses unknown values before pricing).
pub fn price_table(prices: &str) -> &'static PriceTable {
    pinned_by(prices).unwrap_or(TODAY)
}

/// The table a `prices` value pins, if it names one (not for [`LATEST`],
/// an empty or an unknown value).
pub fn pinned_by(prices: &str) -> Option<&'static PriceTable> {
    PRICE_TABLES.iter().find(|t| t.date == prices)
}

/// The table these values pin, if their calculator has `prices` and they
/// name one.
pub fn pinned(v: &crate::params::Values) -> Option<&'static PriceTable> {
    v.spec("prices").and_then(|_| pinned_by(v.text("prices")))
}

/// The table a query string (`a=1&prices=2026-11-23`) pins, if it names one.
pub fn pinned_in_query(query: &str) -> Option<&'static PriceTable> {
    query.trim_start_matches('?').split('&').filter_map(|kv| kv.strip_prefix("prices=")).find_map(pinned_by)
}

/// The date of the table these values price with: the one they pin, or
/// today's (also for a calculator without the parameter).
pub fn prices_of(v: &crate::params::Values) -> &'static str {
    pinned(v).unwrap_or(TODAY).date
}

/// What the `prices` parameter does, for its help.
pub const PRICES_HELP: &str = "The dated table of Lambda's rates to price with: latest (today's), or the date of a table \
    this site has shipped, so a post keeps the figures its text quotes after AWS changes a rate.";

/// The `prices` parameter, shared by every calculator that prices Lambda's
/// own rates (help text varies: the cost table keeps its help apart).
pub const fn prices_param(help: &'static str) -> ParamSpec {
    ParamSpec {
        name: "prices",
        label: ui_text!("Price table"),
        kind: Kind::Choice(PRICE_CHOICES),
        default: LATEST,
        unit: "",
        help: ui_text!(help),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_name_every_table_once_oldest_first() {
        let dates: Vec<&str> = PRICE_TABLES.iter().map(|t| t.date).collect();
        assert_eq!(PRICE_CHOICES[0], LATEST);
        assert_eq!(&PRICE_CHOICES[1..], dates.as_slice());
        for (i, t) in PRICE_TABLES.iter().enumerate() {
            assert!(crate::params::Date::parse(t.date).is_some(), "{}", t.date);
            assert_eq!(t.version as usize, i + 1, "versions count the tables");
            if i > 0 {
                assert!(PRICE_TABLES[i - 1].date < t.date, "tables are oldest first");
            }
        }
    }

    #[test]
    fn latest_and_unknown_values_price_with_today() {
        assert_eq!(price_table(LATEST).date, TODAY.date);
        assert_eq!(price_table("").date, TODAY.date);
        assert_eq!(price_table("2026-11-23").date, "2026-11-23");
        assert_eq!(pinned_by("2026-11-23").map(|t| t.date), Some("2026-11-23"));
        assert!(pinned_by(LATEST).is_none() && pinned_by("2020-01-01").is_none());
        assert_eq!(pinned_in_query("?memory_mb=512&prices=2026-11-23").map(|t| t.date), Some("2026-11-23"));
        assert!(pinned_in_query("prices=latest&memory_mb=512").is_none() && pinned_in_query("").is_none());
        assert_eq!(TODAY.region("eu-west-1").map(|r| r.code), Some("eu-west-1"));
        let mut v = crate::params::Values::defaults(crate::billing::COST_PARAMS);
        assert_eq!(prices_of(&v), PRICES_AS_OF);
        v.set("prices", "2026-11-23").unwrap();
        assert_eq!(prices_of(&v), "2026-11-23");
        assert!(v.set("prices", "2025-01-01").unwrap_err().message.contains("use one of latest, 2026-11-23"));
        assert_eq!(
            prices_of(&crate::params::Values::defaults(crate::models::coldstart::COLDSTART_PARAMS)),
            PRICES_AS_OF
        );
    }
}
