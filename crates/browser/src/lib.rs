//! A small Chrome DevTools Protocol (CDP) driver, so that integration tests can drive the
//! dashboard in headless Chromium. Test support only: no async runtime, no browser download.
//!
//! The principal types:
//!
//! - [`Browser`] starts a headless Chromium found on this machine, in a fresh profile directory,
//!   and talks to it over one DevTools websocket. Dropping it closes Chromium and removes the
//!   profile.
//! - [`Page`] is one tab: [`Page::goto`], [`Page::eval`], [`Page::wait_for`], [`Page::click`],
//!   [`Page::type_text`], [`Page::press`], [`Page::screenshot`] and [`Page::console_errors`].
//! - [`Error`] says what went wrong; [`Error::NotFound`] when there is no Chromium, with how to
//!   install it.
//!
//! ```no_run
//! use dyad_browser::Browser;
//! use std::time::Duration;
//!
//! # fn main() -> Result<(), dyad_browser::Error> {
//! let Some(browser) = Browser::launch_or_skip()? else {
//!     return Ok(()); // no Chromium, and DYAD_SKIP_BROWSER=1 said that is fine
//! };
//! let page = browser.page()?;
//! page.goto("data:text/html,<button onclick=\"this.textContent='done'\">go</button>")?;
//! page.click("button")?;
//! page.wait_for("document.querySelector('button').textContent === 'done'", Duration::from_secs(10))?;
//! assert!(page.console_errors()?.is_empty());
//! # Ok(())
//! # }
//! ```
//!
//! ## Finding Chromium
//!
//! [`Browser::launch`] runs the binary named by the `DYAD_CHROMIUM` environment variable, else
//! `/usr/bin/chromium`, else the first of `chromium`, `chromium-browser` and `google-chrome`
//! found on `PATH`. On Debian, `apt-get install chromium` provides it; the repository's `.ci/run`
//! installs it when it is missing.
//!
//! ## Skipping the browser tests
//!
//! When Chromium cannot be found, tests fail with the [`Error::NotFound`] message, unless the
//! environment variable `DYAD_SKIP_BROWSER=1` is set: then [`Browser::launch_or_skip`] prints one
//! line to standard error and returns `None`, and the test returns early. Only a missing
//! Chromium is skipped: a Chromium that is present but fails to start is still an error.
//!
//! ## How it talks to Chromium
//!
//! Chromium is started with `--remote-debugging-port=0`, and prints the address of its browser
//! endpoint (`DevTools listening on ws://...`) on standard error. Pages are targets created with
//! `Target.createTarget` and attached with flattened sessions, so every page shares the one
//! websocket and every message names its session. Commands are synchronous: one is in flight at
//! a time, and the events that arrive while waiting for its answer are buffered, so a later wait
//! for an event (a page load) or a look at the console finds them.

#![deny(missing_docs)]

mod base64;
mod cdp;
mod launch;
mod page;

pub use page::Page;

use cdp::Connection;
use launch::Process;
use serde_json::json;
use std::cell::RefCell;
use std::fmt;
use std::path::Path;
use std::time::Duration;

/// How long one DevTools command, a page load or Chromium's start may take. Generous, because
/// the machines that run the tests are small and busy; nothing waits this long when all is well.
pub const TIMEOUT: Duration = Duration::from_secs(60);

/// What can go wrong when driving the browser.
#[non_exhaustive]
pub enum Error {
    /// No Chromium binary was found. The message says where it was looked for and how to
    /// install it.
    NotFound(String),
    /// Chromium was found but did not start, or did not say where its DevTools endpoint is.
    Launch(String),
    /// The DevTools connection failed, or Chromium answered a command with an error.
    Protocol(String),
    /// JavaScript threw an exception; its message.
    Js(String),
    /// No element matches a CSS selector, or the element cannot be clicked or typed into.
    NoElement(String),
    /// Something did not happen in time.
    Timeout(String),
    /// A bad argument: an unknown key name, an impossible screenshot size.
    Invalid(String),
    /// A file could not be written.
    Io(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound(m) => write!(f, "Chromium not found: {m}"),
            Error::Launch(m) => write!(f, "Chromium did not start: {m}"),
            Error::Protocol(m) => write!(f, "DevTools: {m}"),
            Error::Js(m) => write!(f, "JavaScript exception: {m}"),
            Error::NoElement(m) => write!(f, "element: {m}"),
            Error::Timeout(m) => write!(f, "timed out: {m}"),
            Error::Invalid(m) => write!(f, "invalid argument: {m}"),
            Error::Io(m) => write!(f, "I/O: {m}"),
        }
    }
}

// A test that returns `Err` prints the error with `Debug`: make that the readable message, with
// its line breaks, rather than an escaped string inside a variant name.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {}

/// A headless Chromium and the DevTools connection to it. Dropping it closes Chromium (killing
/// it if it does not exit) and removes its profile directory.
pub struct Browser {
    conn: RefCell<Connection>,
    process: Process,
}

impl Browser {
    /// Finds Chromium (see the crate documentation) and starts it.
    pub fn launch() -> Result<Browser, Error> {
        let binary = launch::find_chromium(
            std::env::var_os("DYAD_CHROMIUM"),
            std::env::var_os("PATH"),
            &[Path::new("/usr/bin/chromium")],
        )?;
        Browser::launch_binary(&binary)
    }

    /// Starts the Chromium binary at `path`.
    pub fn launch_binary(path: &Path) -> Result<Browser, Error> {
        let (process, url) = Process::start(path, TIMEOUT)?;
        // On failure `process` is dropped here, which stops Chromium and removes its profile.
        let conn = Connection::connect(&url, TIMEOUT)?;
        Ok(Browser {
            conn: RefCell::new(conn),
            process,
        })
    }

    /// [`Browser::launch`], except that a missing Chromium gives `Ok(None)` (after one line on
    /// standard error) when the environment variable `DYAD_SKIP_BROWSER` is `1`.
    pub fn launch_or_skip() -> Result<Option<Browser>, Error> {
        match Browser::launch() {
            Err(Error::NotFound(m)) if skip_requested(std::env::var_os("DYAD_SKIP_BROWSER")) => {
                eprintln!("dyad-browser: skipped, DYAD_SKIP_BROWSER=1 and Chromium not found: {m}");
                Ok(None)
            }
            other => other.map(Some),
        }
    }

    /// Opens a new page (a tab) on `about:blank`.
    pub fn page(&self) -> Result<Page<'_>, Error> {
        Page::open(self)
    }

    /// Chromium's product and version, such as `HeadlessChrome/148.0.7778.167`.
    pub fn version(&self) -> Result<String, Error> {
        let v = self.call(None, "Browser.getVersion", json!({}))?;
        Ok(v["product"].as_str().unwrap_or_default().to_string())
    }

    fn call(
        &self,
        session: Option<&str>,
        method: &str,
        params: serde_json::Value,
    ) -> Result<serde_json::Value, Error> {
        self.conn
            .borrow_mut()
            .call(session, method, params, TIMEOUT)
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Ask Chromium to close itself and its child processes; `Process` kills what is left.
        let asked =
            self.conn
                .get_mut()
                .call(None, "Browser.close", json!({}), Duration::from_secs(5));
        self.process.stop(if asked.is_ok() {
            Duration::from_secs(10)
        } else {
            Duration::ZERO
        });
    }
}

/// Whether the value of `DYAD_SKIP_BROWSER` asks to skip the browser tests.
fn skip_requested(value: Option<std::ffi::OsString>) -> bool {
    value.is_some_and(|v| v == "1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_skips() {
        assert!(skip_requested(Some("1".into())));
        assert!(!skip_requested(None));
        assert!(!skip_requested(Some("0".into())));
        assert!(!skip_requested(Some("".into())));
    }

    #[test]
    fn errors_print_their_message() {
        let e = Error::Js("Error: boom".into());
        assert_eq!(format!("{e:?}"), "JavaScript exception: Error: boom");
        assert_eq!(e.to_string(), format!("{e:?}"));
    }
}
