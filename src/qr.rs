//! QR codes as inline SVG, made in the browser from the page's own address
//! (no network, no image files): the presenter view, handouts and the
//! workshop page put one beside every link a room should open.

/// An SVG QR code for `text` (medium error correction, a four-module quiet
/// zone, black on white in both themes so phones read it), labelled for
/// screen readers. `None` only when the text is too long for a QR code.
pub fn svg(text: &str, label: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let n = w + 2 * quiet;
    // One path; a run of dark modules in a row is one rectangle.
    let mut d = String::new();
    for y in 0..w {
        let mut x = 0;
        while x < w {
            if colors[y * w + x] == qrcode::Color::Dark {
                let start = x;
                while x < w && colors[y * w + x] == qrcode::Color::Dark {
                    x += 1;
                }
                d.push_str(&format!("M{} {}h{}v1h-{}z", start + quiet, y + quiet, x - start, x - start));
            } else {
                x += 1;
            }
        }
    }
    let label = label.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 {n} {n}\" role=\"img\" \
         aria-label=\"{label}\" shape-rendering=\"crispEdges\"><rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{d}\"/></svg>"
    ))
}

/// An absolute address on this site, for a QR code: `route` (with its
/// query) under the site's base, on this page's origin.
pub fn absolute(route: &str) -> String {
    let origin = web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default();
    format!("{origin}{}", crate::paths::href(route))
}

/// What a person types from a projected link: the address without its scheme.
pub fn shown(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_qr_code_is_one_labelled_svg() {
        let s = super::svg("https://example.org/lambda-lab/lessons/01-billing/?step=2", "QR code: lesson 1 & more")
            .unwrap();
        assert!(s.starts_with("<svg") && s.ends_with("</svg>"));
        assert!(s.contains("aria-label=\"QR code: lesson 1 &amp; more\""));
        // A version-3 or larger symbol with its quiet zone.
        assert!(
            s.contains("viewBox=\"0 0 37 37\"")
                || s.contains("viewBox=\"0 0 41 41\"")
                || s.contains("viewBox=\"0 0 45 45\""),
            "{}",
            &s[..120]
        );
        assert_eq!(super::shown("https://a.b/c?d"), "a.b/c?d");
    }
}
