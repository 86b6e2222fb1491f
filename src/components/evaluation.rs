//! Evaluation: the last valid result, kept while an input is invalid.

use super::*;

/// A calculator's evaluation that keeps its last valid result on screen while
/// an input is invalid, and says which parameters are wrong.
pub struct Evaluation<T: Send + Sync + 'static> {
    pub state: CalcState,
    pub evaluated: Memo<Result<T, Vec<ParamError>>>,
    pub shown: Memo<Option<T>>,
    pub ready: Memo<bool>,
    /// Errors that involve several parameters (from the engine).
    pub cross: Memo<Vec<ParamError>>,
    /// Whether the values have been valid once: until then the figures
    /// beside an error are those of the defaults, not of earlier inputs.
    pub ever_valid: Memo<bool>,
}

impl<T: Send + Sync + 'static> Clone for Evaluation<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Evaluation<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Evaluation<T> {
    /// Evaluates the calculator's values with `f` whenever they change. When
    /// the values are invalid from the start (a bad link), the figures shown
    /// beside the message are those of the same values with the invalid ones
    /// at their defaults, as if they had been typed wrong afterwards.
    pub fn new(
        state: CalcState,
        f: impl Fn(&Values) -> Result<T, Vec<ParamError>> + Send + Sync + 'static,
    ) -> Evaluation<T> {
        let f = std::sync::Arc::new(f);
        let g = f.clone();
        let evaluated = Memo::new(move |_| state.values.with(|v| g(v)));
        let shown = Memo::new(move |prev: Option<&Option<T>>| match evaluated.get() {
            Ok(r) => Some(r),
            Err(errors) => prev.cloned().flatten().or_else(|| {
                let mut v = state.values.get_untracked();
                for e in &errors {
                    if let Some(spec) = state.specs.iter().find(|s| s.name == e.param) {
                        let _ = v.set(spec.name, spec.default);
                    }
                }
                f(&v).ok()
            }),
        });
        Evaluation {
            state,
            evaluated,
            shown,
            ready: Memo::new(move |_| shown.with(Option::is_some)),
            cross: Memo::new(move |_| evaluated.with(|e| e.as_ref().err().cloned().unwrap_or_default())),
            ever_valid: Memo::new(move |prev: Option<&bool>| {
                prev.copied().unwrap_or(false) || evaluated.with(Result::is_ok)
            }),
        }
    }

    /// True while the figures are not those of what the fields say: an
    /// input is invalid, not yet taken, or the engine refuses the mix.
    pub fn stale(self) -> Signal<bool> {
        Signal::derive(move || {
            self.evaluated.with(|e| e.is_err())
                || self.state.drafts.with(|d| d.iter().any(|x| x.pending || x.error.is_some()))
        })
    }

    /// The line above the figures while they are stale: which values they
    /// are for. `data-pending` while typed text waits to be taken.
    pub fn stale_note(self) -> impl IntoView {
        move || {
            let (pending, bad) = self.state.untaken();
            let refused = self.evaluated.with(|e| e.is_err());
            let earlier = self.ever_valid.get();
            let text = if !bad.is_empty() && earlier {
                format!("For the last valid inputs: {}.", bad.join("; "))
            } else if !bad.is_empty() {
                format!("With the default in place of: {}.", bad.join("; "))
            } else if refused && earlier {
                "For the last valid inputs: the problems listed above are not in these figures.".to_string()
            } else if refused {
                "With the defaults in place of the values listed above.".to_string()
            } else if pending {
                // Typing: the figures dim until the value is taken; no line
                // comes and goes above them on every keystroke.
                return Some(view! { <span hidden data-pending="true"></span> }.into_any());
            } else {
                return None;
            };
            Some(
                view! {
                    <p class="stale-note" role="status" data-testid="stale-note" data-pending=pending.then_some("true")>{text}</p>
                }
                .into_any(),
            )
        }
    }

    /// Mounts `body` once the first valid result exists; afterwards only the
    /// figures inside update, through the memo it receives.
    pub fn view<V: IntoView + 'static>(
        self,
        fallback: &'static str,
        body: impl Fn(Memo<T>) -> V + Send + Sync + 'static,
    ) -> impl IntoView {
        move || {
            if self.ready.get() {
                let shown = self.shown;
                let result = Memo::new(move |prev: Option<&T>| {
                    shown.get().or_else(|| prev.cloned()).expect("a result was shown")
                });
                view! { {self.stale_note()} {body(result)} }.into_any()
            } else {
                view! { <p class="error-box">{fallback}</p> }.into_any()
            }
        }
    }
}
