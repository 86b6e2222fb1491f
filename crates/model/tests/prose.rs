//! Every dollar figure the engine writes in words is computed here from the
//! rate table: a price change that leaves a sentence behind fails a test,
//! and a sentence may hold no dollar figure this file does not compute.
//! (The published examples' notes are pinned the same way in `vectors.rs`.)

use lambda_model::base::money::{Qty, Rate, Usd};
use lambda_model::billing::{POLLER_NOTE, TENANT_NOTE, cost_help};
use lambda_model::rates::{self, Arch, HOURS_PER_MONTH, SQS_MIN_POLLERS};

/// Every `$…` figure in a text, as written ("$13.51", "$0.60").
fn dollar_figures(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices('$') {
        let digits: String =
            text[i + 1..].chars().take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',').collect();
        let digits = digits.trim_end_matches(['.', ',']);
        if !digits.is_empty() {
            out.push(format!("${digits}"));
        }
    }
    out
}

/// The text's dollar figures are exactly `expected`, in any order.
fn only_these(text: &str, expected: &[String]) {
    let mut found = dollar_figures(text);
    let mut want = expected.to_vec();
    found.sort();
    want.sort();
    assert_eq!(found, want, "in: {text}");
}

fn rate_text(r: Rate) -> String {
    format!("${}", r.to_decimal())
}

#[test]
fn the_poller_note_prices_a_month_at_todays_epu_rates() {
    let (sqs, kafka) = rates::epu_rates("us-east-1").expect("us-east-1 EPU rates");
    let sqs_month = sqs.times(Qty::whole(SQS_MIN_POLLERS as u128 * HOURS_PER_MONTH as u128));
    let kafka_month = kafka.times(Qty::whole(HOURS_PER_MONTH as u128));
    let sqs_hours = SQS_MIN_POLLERS * HOURS_PER_MONTH;
    assert!(POLLER_NOTE.contains(&format!("{},{:03} EPU-hours", sqs_hours / 1000, sqs_hours % 1000)), "{POLLER_NOTE}");
    assert!(POLLER_NOTE.contains(&format!("a {HOURS_PER_MONTH}-hour month")));
    only_these(POLLER_NOTE, &[sqs_month.cents_text(), kafka_month.cents_text()]);
}

#[test]
fn the_tenant_note_quotes_the_price_list_and_aws_s_example() {
    let x86 = rates::tenant_rate("us-east-1", Arch::X86).unwrap();
    let arm = rates::tenant_rate("us-east-1", Arch::Arm).unwrap();
    // AWS's example: 200K environments of 1,024 MB (1 GB each), which it
    // prices at $0.000167 per GB; at the Price List's rate it is less.
    let theirs_rate = Rate::usd("0.000167");
    let envs = Qty::whole(200_000);
    only_these(
        TENANT_NOTE,
        &[
            rate_text(x86),
            rate_text(arm),
            rate_text(theirs_rate),
            theirs_rate.times(envs).cents_text(),
            x86.times(envs).cents_text(),
        ],
    );
}

#[test]
fn lambda_at_edge_s_help_quotes_its_request_rate() {
    let per_million: Usd = rates::EDGE_REQUEST.times(Qty::whole(1_000_000));
    only_these(cost_help("edge"), &[per_million.cents_text()]);
    assert!(cost_help("edge").contains(&format!("{}/M requests", per_million.cents_text())));
}

#[test]
fn no_other_help_text_holds_a_dollar_figure() {
    for spec in lambda_model::billing::COST_PARAMS {
        if spec.name != "edge" {
            assert_eq!(dollar_figures(cost_help(spec.name)), Vec::<String>::new(), "{}", spec.name);
            assert_eq!(dollar_figures(spec.help), Vec::<String>::new(), "{}", spec.name);
        }
    }
}

#[test]
fn dollar_figures_are_read_as_written() {
    assert_eq!(
        dollar_figures("a $13.51 b ($135.05). $0.60/M, $1,147.14."),
        ["$13.51", "$135.05", "$0.60", "$1,147.14"]
    );
}
