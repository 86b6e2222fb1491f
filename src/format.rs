//! Number formatting for display. The engine never formats; the page does.
