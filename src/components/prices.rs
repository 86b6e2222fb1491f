//! The price table a link pins (`prices=2026-11-23`): which table the
//! figures use, what today's table would give instead, and the way back to
//! today's prices (an embed says the first two in its footer). A link naming
//! a table this site does not have is said here too (the error summary
//! points at this line: there is no field for it).

use super::*;
use lambda_model::rates::{self, LATEST};

/// What a page's headline figure would be with today's prices, when its
/// values pin a table whose rates differ from today's (`None` otherwise, so
/// nothing is priced twice while the tables agree). `figure` prices the
/// values it is given and says the headline as text ("$37.13 a month").
pub fn at_todays_prices(
    state: CalcState,
    figure: impl Fn(&Values) -> Option<String> + Send + Sync + 'static,
) -> Memo<Option<String>> {
    Memo::new(move |_| {
        state.values.with(|v| {
            if rates::pinned(v)?.date == rates::TODAY.date {
                return None;
            }
            let mut now = v.clone();
            now.set("prices", LATEST).ok()?;
            let (then, today) = (figure(v)?, figure(&now)?);
            (then != today).then_some(today)
        })
    })
}

/// The line a pinned link shows under its figures.
pub fn pinned_text(date: &str, today: Option<&str>) -> String {
    match today {
        Some(x) => format!("Lambda\u{2019}s prices of {date}, pinned by this link (with today\u{2019}s prices: {x})."),
        None => format!("Lambda\u{2019}s prices of {date}, pinned by this link; today\u{2019}s are the same."),
    }
}

/// The pinned table's line, or the message for a table this site does not
/// have, with a button that prices with today's table instead. One element,
/// hidden when there is nothing to say (a view that comes and goes costs the
/// module more code than one that hides).
#[component]
pub fn PinnedPrices(state: CalcState, #[prop(into)] today: Signal<Option<String>>) -> impl IntoView {
    let compact = layout().compact;
    if let Some(TodaysFigure(footer)) = use_context::<TodaysFigure>() {
        Effect::new(move |_| footer.set(today.get()));
    }
    let pinned = Memo::new(move |_| state.values.with(|v| rates::pinned(v).map(|t| t.date)));
    let text = Memo::new(move |_| match (state.draft("prices").and_then(|d| d.error.map(|_| d.raw)), pinned.get()) {
        (Some(raw), _) => Some(format!(
            "This link names a price table this site does not have (\u{201c}{}\u{201d}): the figures use today\u{2019}s \
             prices, of {}.",
            raw.chars().take(40).collect::<String>(),
            rates::PRICES_AS_OF
        )),
        // An embed's footer names the pinned table and today's figure (the
        // post's iframe starts at the height measured without a line here).
        (None, Some(_)) if compact => None,
        (None, Some(date)) => Some(pinned_text(date, today.get().as_deref())),
        (None, None) => None,
    });
    let date = move || pinned.get().unwrap_or(rates::PRICES_AS_OF);
    view! {
        <p class="pinned-prices" id="p-prices" data-testid="pinned-prices" data-metric="prices_as_of" data-value=date
            hidden=move || text.with(Option::is_none)>
            {move || text.get().unwrap_or_default()}
            " "
            <button type="button" data-testid="unpin-prices" hidden=state.is_locked("prices")
                on:click=move |_| state.set_raw("prices", LATEST.to_string())>
                "Use today\u{2019}s prices"
            </button>
        </p>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_pinned_line_gives_todays_figure_only_when_it_differs() {
        assert_eq!(
            super::pinned_text("2026-11-23", Some("$41.20")),
            "Lambda\u{2019}s prices of 2026-11-23, pinned by this link (with today\u{2019}s prices: $41.20)."
        );
        assert!(super::pinned_text("2026-11-23", None).ends_with("today\u{2019}s are the same."));
    }
}
