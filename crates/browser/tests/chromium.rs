//! The driver against a real headless Chromium. Without Chromium these tests fail with the
//! message saying how to install it, unless `DYAD_SKIP_BROWSER=1` is set: then each prints a
//! line and returns.

use dyad_browser::{Browser, Error};
use std::path::PathBuf;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

/// `html` as a `data:` URL.
fn data_url(html: &str) -> String {
    let mut url = String::from("data:text/html;charset=utf-8,");
    for b in html.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~ ".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// A page with a button, a form with one field, and a log of keys and field events.
const FORM: &str = r#"<!doctype html>
<title>form</title>
<button id="go">Press me</button>
<p id="out">waiting</p>
<form id="f"><label>City <input id="city" autocomplete="off"></label></form>
<p id="keys"></p>
<svg width="200" height="100"><circle id="dot" cx="150" cy="50" r="8" fill="red"></circle></svg>
<script>
  const out = document.getElementById('out'), city = document.getElementById('city');
  window.fieldEvents = {input: 0, change: 0};
  document.getElementById('go').addEventListener('click', () => { out.textContent = 'clicked'; });
  city.addEventListener('input', () => { fieldEvents.input++; });
  city.addEventListener('change', () => { fieldEvents.change++; });
  document.getElementById('f').addEventListener('submit', e => {
    e.preventDefault();
    out.textContent = 'submitted ' + city.value;
  });
  document.addEventListener('keydown', e => { document.getElementById('keys').textContent += e.key + ' '; });
</script>"#;

#[test]
fn clicks_types_and_presses_keys() -> Result<(), Error> {
    let Some(browser) = Browser::launch_or_skip()? else {
        return Ok(());
    };
    assert!(browser.version()?.contains("Chrome"));
    let page = browser.page()?;
    page.goto(&data_url(FORM))?;
    assert_eq!(page.eval("document.title")?, "form");
    assert_eq!(
        page.eval("document.getElementById('out').textContent")?,
        "waiting"
    );

    page.click("#go")?;
    page.wait_for(
        "document.getElementById('out').textContent === 'clicked'",
        WAIT,
    )?;

    // SVG shapes are clicked like anything else (the map's points are circles).
    page.eval("dot.addEventListener('click', () => { out.textContent = 'dot'; }); 0")?;
    page.click("svg #dot")?;
    assert_eq!(page.eval("out.textContent")?, "dot");

    page.type_text("#city", "Tbilisi")?;
    assert_eq!(page.eval("city.value")?, "Tbilisi");
    assert_eq!(page.eval("document.activeElement.id")?, "city");
    // One insertion is one input event (made by Chromium), then one change event.
    assert_eq!(page.eval("fieldEvents.input")?, 1);
    assert_eq!(page.eval("fieldEvents.change")?, 1);
    page.type_text("#city", " Airport")?;
    assert_eq!(page.eval("city.value")?, "Tbilisi Airport");
    assert_eq!(
        page.eval("[fieldEvents.input, fieldEvents.change]")?,
        serde_json::json!([2, 2])
    );

    page.press("Enter")?;
    page.wait_for(
        "document.getElementById('out').textContent === 'submitted Tbilisi Airport'",
        WAIT,
    )?;
    page.press("ArrowDown")?;
    page.press("Escape")?;
    assert_eq!(
        page.eval("document.getElementById('keys').textContent")?,
        "Enter ArrowDown Escape "
    );
    assert_eq!(page.console_errors()?, Vec::<String>::new());
    Ok(())
}

#[test]
fn eval_returns_values_and_reports_exceptions() -> Result<(), Error> {
    let Some(browser) = Browser::launch_or_skip()? else {
        return Ok(());
    };
    let page = browser.page()?;
    page.goto(&data_url(
        "<p>values</p><script>addEventListener('load', () => { window.loaded = true; })</script>",
    ))?;
    // goto returns after the load event.
    assert_eq!(
        page.eval("[document.readyState, window.loaded]")?,
        serde_json::json!(["complete", true])
    );
    assert_eq!(page.eval("1 + 2")?, 3);
    assert_eq!(
        page.eval("({list: [1, 'two', null], ok: true})")?,
        serde_json::json!({"list": [1, "two", null], "ok": true})
    );
    assert_eq!(page.eval("undefined")?, serde_json::Value::Null);
    assert_eq!(page.eval("NaN")?, "NaN");
    assert_eq!(
        page.eval("new Promise(r => setTimeout(() => r('later'), 20))")?,
        "later"
    );

    for (js, wanted) in [
        ("throw new Error('boom')", "Error: boom"),
        ("null.field", "TypeError"),
        (
            "Promise.reject(new RangeError('refused'))",
            "RangeError: refused",
        ),
        ("(", "SyntaxError"),
    ] {
        match page.eval(js) {
            Err(Error::Js(m)) => assert!(m.contains(wanted), "{js}: {m}"),
            other => panic!("{js}: {other:?}"),
        }
    }
    Ok(())
}

#[test]
fn wait_for_times_out_with_the_condition_and_the_page_text() -> Result<(), Error> {
    let Some(browser) = Browser::launch_or_skip()? else {
        return Ok(());
    };
    let page = browser.page()?;
    page.goto(&data_url(
        "<h1>Harbour report</h1><script>setTimeout(() => { window.late = {ready: true}; }, 50)</script>",
    ))?;
    // Throws until the timer has run: an exception counts as false, not as an error.
    page.wait_for("window.late.ready", WAIT)?;
    page.wait_for("Promise.resolve(1)", WAIT)?;

    let err = page
        .wait_for(
            "document.querySelector('#never')",
            Duration::from_millis(300),
        )
        .unwrap_err();
    let Error::Timeout(m) = &err else {
        panic!("{err:?}")
    };
    assert!(m.contains("document.querySelector('#never')"), "{m}");
    assert!(m.contains("Harbour report"), "{m}");

    let err = page
        .wait_for("window.missing.field", Duration::from_millis(300))
        .unwrap_err();
    assert!(
        matches!(&err, Error::Timeout(m) if m.contains("TypeError")),
        "{err:?}"
    );
    Ok(())
}

#[test]
fn screenshots_are_png_files_of_the_asked_size() -> Result<(), Error> {
    let Some(browser) = Browser::launch_or_skip()? else {
        return Ok(());
    };
    let page = browser.page()?;
    page.goto(&data_url(
        "<body style='background:#c33'><h1>Screenshot</h1></body>",
    ))?;
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("dyad-browser-shot-{}.png", std::process::id()));
    page.screenshot(&path, 640, 360)?;
    let png = std::fs::read(&path).unwrap();
    std::fs::remove_file(&path).unwrap();
    assert!(png.len() > 100, "{} bytes", png.len());
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // The IHDR chunk comes first and holds the width and the height.
    assert_eq!(&png[12..16], b"IHDR");
    assert_eq!(u32::from_be_bytes(png[16..20].try_into().unwrap()), 640);
    assert_eq!(u32::from_be_bytes(png[20..24].try_into().unwrap()), 360);
    assert_eq!(page.eval("innerWidth")?, 640);

    let err = page.screenshot(&path, 0, 10).unwrap_err();
    assert!(matches!(err, Error::Invalid(_)), "{err:?}");
    let missing_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir/shot.png");
    let err = page.screenshot(&missing_dir, 10, 10).unwrap_err();
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    Ok(())
}

#[test]
fn console_errors_catch_uncaught_exceptions_and_console_error() -> Result<(), Error> {
    let Some(browser) = Browser::launch_or_skip()? else {
        return Ok(());
    };
    let page = browser.page()?;
    page.goto(&data_url(
        "<button onclick=\"throw new Error('handler broke')\">break</button>\
         <script>console.log('only a log'); console.warn('only a warning');</script>",
    ))?;
    assert_eq!(page.console_errors()?, Vec::<String>::new());

    page.click("button")?;
    // This console.error is sent while the driver waits for the evaluation's answer.
    page.eval("console.error('bad', 42, {k: 1}); 0")?;
    let errors = page.console_errors()?;
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(errors[0].contains("Error: handler broke"), "{errors:?}");
    assert!(errors[1].starts_with("console.error: bad 42"), "{errors:?}");
    assert_eq!(
        page.console_errors()?,
        errors,
        "reading them does not take them"
    );

    // A new document starts clean; an error while it loads is caught.
    page.goto(&data_url(
        "<script>undefinedFunction()</script><p>after</p>",
    ))?;
    let errors = page.console_errors()?;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("ReferenceError"), "{errors:?}");
    Ok(())
}

#[test]
fn bad_selectors_keys_and_pages_are_errors() -> Result<(), Error> {
    let Some(browser) = Browser::launch_or_skip()? else {
        return Ok(());
    };
    let page = browser.page()?;
    page.goto(&data_url(
        "<p id='text'>not an input</p><button id='hidden' style='display:none'>x</button>",
    ))?;
    for result in [
        page.click("#absent"),
        page.click("#hidden"),
        page.type_text("#absent", "x"),
        page.type_text("#text", "x"),
    ] {
        assert!(matches!(result, Err(Error::NoElement(_))), "{result:?}");
    }
    assert!(matches!(page.click("[[["), Err(Error::Js(_))));
    assert!(matches!(page.press("F13"), Err(Error::Invalid(_))));

    // Two pages of one browser keep their own documents.
    let other = browser.page()?;
    other.goto(&data_url("<title>second</title>"))?;
    assert_eq!(page.eval("document.getElementById('text').id")?, "text");
    assert_eq!(other.eval("document.title")?, "second");
    drop(other);

    // A page that cannot be loaded is an error that says why (nothing listens on port 9).
    let err = page.goto("http://127.0.0.1:9/").unwrap_err();
    assert!(
        matches!(&err, Error::Protocol(m) if m.contains("127.0.0.1:9") && m.contains("ERR_")),
        "{err:?}"
    );

    // A fragment change is a navigation without a load event.
    page.goto(&data_url("<title>frag</title>"))?;
    let here = page.eval("location.href")?;
    page.goto(&format!("{}#part", here.as_str().unwrap()))?;
    assert_eq!(page.eval("location.hash")?, "#part");
    Ok(())
}
