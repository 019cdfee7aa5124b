//! One tab, driven through its DevTools session.

use crate::cdp::Event;
use crate::{Browser, Error, TIMEOUT};
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, Instant};

/// A page (a browser tab). It lives as long as the [`Browser`] it came from, and is closed when
/// dropped.
pub struct Page<'b> {
    browser: &'b Browser,
    target: String,
    session: String,
}

impl<'b> Page<'b> {
    pub(crate) fn open(browser: &'b Browser) -> Result<Page<'b>, Error> {
        let created = browser.call(None, "Target.createTarget", json!({"url": "about:blank"}))?;
        let target = string_field(&created, "targetId", "Target.createTarget")?;
        let attached = browser.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target, "flatten": true}),
        )?;
        let session = string_field(&attached, "sessionId", "Target.attachToTarget")?;
        let page = Page {
            browser,
            target,
            session,
        };
        page.call("Page.enable", json!({}))?;
        page.call("Page.setLifecycleEventsEnabled", json!({"enabled": true}))?;
        page.call("Runtime.enable", json!({}))?;
        Ok(page)
    }

    /// Sends any DevTools command to this page's session and returns its result, for what the
    /// methods here do not cover.
    pub fn call(&self, method: &str, params: Value) -> Result<Value, Error> {
        self.browser.call(Some(&self.session), method, params)
    }

    /// Loads `url` and waits for its load event. The console errors and the events of the
    /// previous document are forgotten. A navigation within the document (a new `#fragment`)
    /// has no load event and returns at once.
    pub fn goto(&self, url: &str) -> Result<(), Error> {
        self.browser
            .conn
            .borrow_mut()
            .discard_events(Some(&self.session));
        let nav = self.call("Page.navigate", json!({"url": url}))?;
        if let Some(err) = nav.get("errorText").and_then(Value::as_str) {
            if !err.is_empty() {
                return Err(Error::Protocol(format!("cannot load {url}: {err}")));
            }
        }
        let Some(loader) = nav.get("loaderId").and_then(Value::as_str) else {
            return Ok(());
        };
        let load = |e: &Event| {
            e.method == "Page.lifecycleEvent"
                && e.params["name"] == "load"
                && e.params["loaderId"] == loader
        };
        self.browser.conn.borrow_mut().wait_event(
            Some(&self.session),
            &format!("the load of {url}"),
            load,
            TIMEOUT,
        )?;
        Ok(())
    }

    /// Evaluates the JavaScript expression `js` in the page and returns its value as JSON,
    /// awaiting it when it is a promise. `undefined` gives `null`; values JSON cannot hold
    /// (`NaN`, `Infinity`, `-0`, big integers) give their JavaScript spelling as a string. A
    /// thrown exception is an [`Error::Js`] with its message.
    pub fn eval(&self, js: &str) -> Result<Value, Error> {
        let r = self.call(
            "Runtime.evaluate",
            json!({
                "expression": js,
                "returnByValue": true,
                "awaitPromise": true,
                "userGesture": true,
            }),
        )?;
        if let Some(details) = r.get("exceptionDetails") {
            return Err(Error::Js(exception_message(details)));
        }
        let result = &r["result"];
        if let Some(v) = result.get("value") {
            return Ok(v.clone());
        }
        Ok(match result.get("unserializableValue") {
            Some(Value::String(s)) => Value::String(s.clone()),
            _ => Value::Null,
        })
    }

    /// Waits until the JavaScript expression `condition` is truthy (a promise is awaited),
    /// checking every 50 ms. An exception counts as false. After `timeout`, an
    /// [`Error::Timeout`] quotes the condition, its last exception, and the beginning of the
    /// page's text.
    pub fn wait_for(&self, condition: &str, timeout: Duration) -> Result<(), Error> {
        let deadline = Instant::now() + timeout;
        let check = format!("(async () => !!(await (\n{condition}\n)))()");
        let mut last_exception = None;
        loop {
            match self.eval(&check) {
                Ok(Value::Bool(true)) => return Ok(()),
                Ok(_) => {}
                Err(Error::Js(m)) => last_exception = Some(m),
                Err(e) => return Err(e),
            }
            if Instant::now() >= deadline {
                let text = match self.eval("document.body ? document.body.innerText : ''") {
                    Ok(Value::String(s)) => excerpt(&s, 600),
                    Ok(_) => String::new(),
                    Err(e) => format!("(unreadable: {e})"),
                };
                let thrown = last_exception
                    .map(|m| format!("; it last threw {m}"))
                    .unwrap_or_default();
                return Err(Error::Timeout(format!(
                    "`{condition}` still false after {} s{thrown}; the page's text begins:\n{text}",
                    timeout.as_secs_f64()
                )));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Clicks the middle of the first element matching the CSS `selector`, with the mouse, after
    /// scrolling it into view. What lies on top of it at that point gets the click, as it
    /// would for a person.
    pub fn click(&self, selector: &str) -> Result<(), Error> {
        let sel = js_string(selector);
        let rect = self.eval(&format!(
            "(() => {{ const el = document.querySelector({sel}); if (!el) return null;
               el.scrollIntoView({{block: 'center', inline: 'center'}});
               const r = el.getBoundingClientRect();
               return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height]; }})()"
        ))?;
        let Some([x, y, w, h]) = rect.as_array().and_then(|a| {
            let n: Vec<f64> = a.iter().filter_map(Value::as_f64).collect();
            <[f64; 4]>::try_from(n).ok()
        }) else {
            return Err(Error::NoElement(format!("nothing matches {selector:?}")));
        };
        if w <= 0.0 || h <= 0.0 {
            return Err(Error::NoElement(format!(
                "{selector:?} is not displayed (its box is {w}x{h})"
            )));
        }
        let mouse = |kind: &str| {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "buttons": if kind == "mousePressed" { 1 } else { 0 }, "clickCount": 1}),
            )
        };
        mouse("mouseMoved")?;
        mouse("mousePressed")?;
        mouse("mouseReleased")?;
        Ok(())
    }

    /// Focuses the first element matching `selector` and types `text` into it at the caret, as
    /// a keyboard or an input method would (the page sees `beforeinput` and `input` events),
    /// then sends it a `change` event, as leaving the field would.
    pub fn type_text(&self, selector: &str, text: &str) -> Result<(), Error> {
        let sel = js_string(selector);
        let focused = self.eval(&format!(
            "(() => {{ const el = document.querySelector({sel}); if (!el) return null;
               el.focus(); return document.activeElement === el; }})()"
        ))?;
        match focused {
            Value::Bool(true) => {}
            Value::Bool(false) => {
                return Err(Error::NoElement(format!(
                    "{selector:?} cannot take the keyboard focus"
                )))
            }
            _ => return Err(Error::NoElement(format!("nothing matches {selector:?}"))),
        }
        self.call("Input.insertText", json!({"text": text}))?;
        self.eval(&format!(
            "document.querySelector({sel})?.dispatchEvent(new Event('change', {{bubbles: true}}))"
        ))?;
        Ok(())
    }

    /// Presses and releases a key on the focused element: `Enter`, `Tab`, `Escape`, `Space`,
    /// `Backspace`, `Delete`, `ArrowUp`, `ArrowDown`, `ArrowLeft`, `ArrowRight`, `Home`, `End`,
    /// `PageUp` or `PageDown`.
    pub fn press(&self, key: &str) -> Result<(), Error> {
        let (code, key_code, text) = match key {
            "Enter" => ("Enter", 13, "\r"),
            "Tab" => ("Tab", 9, ""),
            "Escape" => ("Escape", 27, ""),
            "Space" | " " => ("Space", 32, " "),
            "Backspace" => ("Backspace", 8, ""),
            "Delete" => ("Delete", 46, ""),
            "ArrowUp" => ("ArrowUp", 38, ""),
            "ArrowDown" => ("ArrowDown", 40, ""),
            "ArrowLeft" => ("ArrowLeft", 37, ""),
            "ArrowRight" => ("ArrowRight", 39, ""),
            "Home" => ("Home", 36, ""),
            "End" => ("End", 35, ""),
            "PageUp" => ("PageUp", 33, ""),
            "PageDown" => ("PageDown", 34, ""),
            _ => {
                return Err(Error::Invalid(format!(
                    "unknown key {key:?}: want Enter, Tab, Escape, Space, Backspace, Delete, \
                     ArrowUp, ArrowDown, ArrowLeft, ArrowRight, Home, End, PageUp or PageDown"
                )))
            }
        };
        let dom_key = if code == "Space" { " " } else { code };
        // A key that types a character goes down as `keyDown` with its text (which makes the
        // `keypress` and, for Enter, submits forms); the others as `rawKeyDown`.
        let mut down = json!({
            "type": if text.is_empty() { "rawKeyDown" } else { "keyDown" },
            "key": dom_key,
            "code": code,
            "windowsVirtualKeyCode": key_code,
            "nativeVirtualKeyCode": key_code,
        });
        if !text.is_empty() {
            down["text"] = json!(text);
            down["unmodifiedText"] = json!(text);
        }
        self.call("Input.dispatchKeyEvent", down)?;
        self.call(
            "Input.dispatchKeyEvent",
            json!({
                "type": "keyUp",
                "key": dom_key,
                "code": code,
                "windowsVirtualKeyCode": key_code,
                "nativeVirtualKeyCode": key_code,
            }),
        )?;
        Ok(())
    }

    /// Sets the viewport to `width` x `height` CSS pixels (at one device pixel each), and
    /// writes a PNG of it to `path`. The viewport keeps that size afterwards.
    pub fn screenshot(&self, path: &Path, width: u32, height: u32) -> Result<(), Error> {
        if !(1..=10_000).contains(&width) || !(1..=10_000).contains(&height) {
            return Err(Error::Invalid(format!(
                "screenshot size {width}x{height}: want 1 to 10000 pixels each way"
            )));
        }
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
        )?;
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}))?;
        let data = shot
            .get("data")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::Protocol("Page.captureScreenshot sent no data".into()))?;
        let png = crate::base64::decode(data).ok_or_else(|| {
            Error::Protocol("Page.captureScreenshot sent data that is not base64".into())
        })?;
        std::fs::write(path, png).map_err(|e| Error::Io(format!("writing {}: {e}", path.display())))
    }

    /// The uncaught exceptions and `console.error` calls of the page since the last
    /// [`Page::goto`], oldest first, each as one message (`Uncaught Error: boom ...`,
    /// `console.error: ...`).
    pub fn console_errors(&self) -> Result<Vec<String>, Error> {
        // A round trip through the page's renderer: the events it sent before the answer are
        // then all in the buffer.
        self.call(
            "Runtime.evaluate",
            json!({"expression": "0", "returnByValue": true}),
        )?;
        let conn = self.browser.conn.borrow();
        Ok(conn
            .events(Some(&self.session))
            .filter_map(|e| match e.method.as_str() {
                "Runtime.exceptionThrown" => Some(exception_message(&e.params["exceptionDetails"])),
                "Runtime.consoleAPICalled" if e.params["type"] == "error" => {
                    let args: Vec<String> = e.params["args"]
                        .as_array()
                        .map(|a| a.iter().map(remote_object_text).collect())
                        .unwrap_or_default();
                    Some(format!("console.error: {}", args.join(" ")))
                }
                _ => None,
            })
            .collect())
    }
}

impl Drop for Page<'_> {
    fn drop(&mut self) {
        let _ = self.browser.conn.borrow_mut().call(
            None,
            "Target.closeTarget",
            json!({"targetId": self.target}),
            Duration::from_secs(5),
        );
        self.browser
            .conn
            .borrow_mut()
            .discard_events(Some(&self.session));
    }
}

fn string_field(v: &Value, key: &str, method: &str) -> Result<String, Error> {
    v.get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| Error::Protocol(format!("{method} answered without {key}: {v}")))
}

/// `s` as a JavaScript string literal (JSON's quoting is valid JavaScript).
fn js_string(s: &str) -> String {
    Value::String(s.to_string()).to_string()
}

/// The message of a `Runtime.ExceptionDetails`: `Uncaught Error: boom` and its stack.
fn exception_message(details: &Value) -> String {
    let text = details["text"].as_str().unwrap_or("exception");
    match details.get("exception").map(remote_object_text) {
        Some(what) if !what.is_empty() => format!("{text} {what}"),
        _ => text.to_string(),
    }
}

/// A `Runtime.RemoteObject` as text: a string itself, other values as JSON, objects by their
/// description (an Error's description is its message and stack).
fn remote_object_text(o: &Value) -> String {
    match o.get("value") {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => o
            .get("description")
            .or_else(|| o.get("unserializableValue"))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string(),
    }
}

/// The first `max` characters of `s`, marked when cut.
fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}...", &s[..at]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_messages() {
        let details = json!({"text": "Uncaught", "exception": {"type": "object", "description": "Error: boom\n    at <anonymous>:1:7"}});
        assert_eq!(
            exception_message(&details),
            "Uncaught Error: boom\n    at <anonymous>:1:7"
        );
        let thrown_string =
            json!({"text": "Uncaught", "exception": {"type": "string", "value": "plain"}});
        assert_eq!(exception_message(&thrown_string), "Uncaught plain");
        assert_eq!(exception_message(&json!({"text": "Uncaught"})), "Uncaught");
        assert_eq!(exception_message(&json!({})), "exception");
    }

    #[test]
    fn excerpts_cut_on_characters() {
        assert_eq!(excerpt("ab", 5), "ab");
        assert_eq!(excerpt("àèìòù", 2), "àè...");
    }

    #[test]
    fn selectors_are_quoted() {
        assert_eq!(js_string(r#"a[title="x"]"#), r#""a[title=\"x\"]""#);
        assert_eq!(js_string("</script>\n"), r#""</script>\n""#);
    }
}
