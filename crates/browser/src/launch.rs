//! Finding the Chromium binary, starting it in a fresh profile, and stopping it.

use crate::Error;
use std::collections::VecDeque;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The names looked for on `PATH`, in order.
const NAMES: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// How many of Chromium's last standard-error lines an error message quotes.
const TAIL_LINES: usize = 12;

/// Finds Chromium: the path in `env` (the value of `DYAD_CHROMIUM`) when given, else the first
/// of `fixed` that exists, else the first of [`NAMES`] in the directories of `path_var`.
pub(crate) fn find_chromium(
    env: Option<OsString>,
    path_var: Option<OsString>,
    fixed: &[&Path],
) -> Result<PathBuf, Error> {
    let install = "install it with `apt-get install chromium` (Debian's package; .ci/run installs \
                   it when missing), or set DYAD_CHROMIUM to its path; DYAD_SKIP_BROWSER=1 skips \
                   the browser tests instead";
    if let Some(p) = env.filter(|p| !p.is_empty()) {
        let p = PathBuf::from(p);
        return if is_executable(&p) {
            Ok(p)
        } else {
            Err(Error::NotFound(format!(
                "DYAD_CHROMIUM={} is not an executable file; {install}",
                p.display()
            )))
        };
    }
    if let Some(p) = fixed.iter().find(|p| is_executable(p)) {
        return Ok(p.to_path_buf());
    }
    let dirs: Vec<PathBuf> = path_var
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    for name in NAMES {
        if let Some(p) = dirs.iter().map(|d| d.join(name)).find(|p| is_executable(p)) {
            return Ok(p);
        }
    }
    let fixed: Vec<String> = fixed.iter().map(|p| p.display().to_string()).collect();
    Err(Error::NotFound(format!(
        "looked at DYAD_CHROMIUM (unset), {}, and for {} on PATH; {install}",
        if fixed.is_empty() {
            "no fixed path".to_string()
        } else {
            fixed.join(", ")
        },
        NAMES.join(", "),
    )))
}

fn is_executable(p: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        p.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        p.is_file()
    }
}

/// A running Chromium and its profile directory, both gone when this is dropped.
pub(crate) struct Process {
    child: Child,
    profile: PathBuf,
    stopped: bool,
}

impl Process {
    /// Starts `binary` headless in a fresh profile and returns it with the address of its
    /// DevTools browser endpoint, read from its standard error within `timeout`.
    pub fn start(binary: &Path, timeout: Duration) -> Result<(Process, String), Error> {
        let profile = fresh_dir()?;
        let spawned = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(["--window-size=1280,900", "about:blank"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn();
        let mut child = match spawned {
            Ok(c) => c,
            Err(e) => {
                let _ = std::fs::remove_dir_all(&profile);
                return Err(Error::Launch(format!(
                    "cannot run {}: {e}",
                    binary.display()
                )));
            }
        };
        let stderr = child.stderr.take().expect("standard error is piped");
        let mut process = Process {
            child,
            profile,
            stopped: false,
        };

        // A thread reads standard error to its end, so that Chromium never blocks on a full pipe;
        // it hands every line over until the address is found, and keeps the last few for errors.
        let tail = Arc::new(Mutex::new(VecDeque::new()));
        let (lines_tx, lines) = mpsc::channel::<String>();
        let kept = tail.clone();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stderr);
            let mut buf = Vec::new();
            loop {
                buf.clear();
                match reader.read_until(b'\n', &mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(_) => {}
                }
                let line = String::from_utf8_lossy(&buf).trim_end().to_string();
                if let Ok(mut t) = kept.lock() {
                    if t.len() == TAIL_LINES {
                        t.pop_front();
                    }
                    t.push_back(line.clone());
                }
                // Once the address is found nobody listens any more; reading goes on.
                let _ = lines_tx.send(line);
            }
        });
        let quote_tail = || match tail.lock() {
            Ok(t) if !t.is_empty() => format!(
                "; its last lines on standard error:\n{}",
                t.iter().cloned().collect::<Vec<_>>().join("\n")
            ),
            _ => "; it printed nothing on standard error".to_string(),
        };

        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match lines.recv_timeout(left) {
                Ok(line) => {
                    if let Some(at) = line.find("DevTools listening on ") {
                        let url = line[at + "DevTools listening on ".len()..]
                            .trim()
                            .to_string();
                        return Ok((process, url));
                    }
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    // Standard error closed: Chromium has exited or is about to.
                    let status = process
                        .wait_for_exit(Duration::from_secs(5))
                        .map_or("is still running".to_string(), |s| format!("exited ({s})"));
                    let msg = format!("{} {status}{}", binary.display(), quote_tail());
                    process.stop(Duration::ZERO);
                    return Err(Error::Launch(msg));
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    process.stop(Duration::ZERO);
                    return Err(Error::Launch(format!(
                        "{} did not print its DevTools address within {} s{}",
                        binary.display(),
                        timeout.as_secs_f64(),
                        quote_tail()
                    )));
                }
            }
        }
    }

    /// Waits up to `grace` for Chromium to exit, then kills it; then removes the profile.
    pub fn stop(&mut self, grace: Duration) {
        if self.stopped {
            return;
        }
        self.stopped = true;
        if self.wait_for_exit(grace).is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
        // Chromium's helper processes may write into the profile for a moment after the main
        // process exits; try a few times.
        for _ in 0..20 {
            match std::fs::remove_dir_all(&self.profile) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    std::thread::sleep(Duration::from_millis(100))
                }
                _ => break,
            }
        }
    }

    /// The exit status, when Chromium exits within `grace`.
    fn wait_for_exit(&mut self, grace: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + grace;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The profile directory (for tests).
    #[cfg(test)]
    pub fn profile(&self) -> &Path {
        &self.profile
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        self.stop(Duration::ZERO);
    }
}

/// Creates a new, empty directory under the system's temporary directory.
fn fresh_dir() -> Result<PathBuf, Error> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    for _ in 0..100 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!(
            "dyad-browser-{}-{n}-{nanos:09}",
            std::process::id()
        ));
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(Error::Launch(format!(
                    "cannot create a profile directory {}: {e}",
                    dir.display()
                )))
            }
        }
    }
    Err(Error::Launch(
        "cannot create a profile directory: every name is taken".into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("dyad-browser-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[cfg(unix)]
    fn executable(path: &Path, script: &str) {
        use std::os::unix::fs::PermissionsExt;
        std::fs::write(path, script).unwrap();
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }

    #[test]
    fn not_found_says_how_to_install() {
        let empty = scratch("empty");
        let err = find_chromium(None, Some(empty.clone().into_os_string()), &[]).unwrap_err();
        let Error::NotFound(m) = &err else {
            panic!("{err}")
        };
        assert!(m.contains("apt-get install chromium"), "{m}");
        assert!(m.contains(".ci/run"), "{m}");
        assert!(m.contains("DYAD_SKIP_BROWSER=1"), "{m}");
        let missing = empty.join("no-such-chromium");
        let err = find_chromium(Some(missing.clone().into_os_string()), None, &[]).unwrap_err();
        assert!(
            matches!(&err, Error::NotFound(m) if m.contains("DYAD_CHROMIUM=") && m.contains("apt-get install chromium")),
            "{err}"
        );
        // A file that is not executable is not taken for Chromium.
        std::fs::write(empty.join("chromium"), "").unwrap();
        assert!(find_chromium(None, Some(empty.clone().into_os_string()), &[]).is_err());
        let _ = std::fs::remove_dir_all(&empty);
    }

    #[cfg(unix)]
    #[test]
    fn search_order_is_env_fixed_then_path() {
        let dir = scratch("order");
        let (a, b) = (dir.join("a"), dir.join("b"));
        std::fs::create_dir_all(&a).unwrap();
        std::fs::create_dir_all(&b).unwrap();
        executable(&a.join("google-chrome"), "");
        executable(&b.join("chromium-browser"), "");
        let path = std::env::join_paths([&a, &b]).unwrap();
        // By name first, then by directory.
        let found = find_chromium(None, Some(path.clone()), &[]).unwrap();
        assert_eq!(found, b.join("chromium-browser"));
        let fixed = a.join("google-chrome");
        let found = find_chromium(None, Some(path.clone()), &[&fixed]).unwrap();
        assert_eq!(found, fixed);
        let env = b.join("chromium-browser");
        let found = find_chromium(Some(env.clone().into()), Some(path), &[&fixed]).unwrap();
        assert_eq!(found, env);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A "Chromium" that exits at once is reported with what it printed, and its profile is
    /// removed.
    #[cfg(unix)]
    #[test]
    fn a_binary_that_exits_is_a_launch_error() {
        let dir = scratch("exits");
        let fake = dir.join("chromium");
        executable(
            &fake,
            "#!/bin/sh\necho \"$@\" >&2\necho 'no display here' >&2\nexit 3\n",
        );
        let err = Process::start(&fake, Duration::from_secs(60))
            .err()
            .unwrap();
        let Error::Launch(m) = &err else {
            panic!("{err}")
        };
        assert!(m.contains("no display here"), "{m}");
        assert!(m.contains("exit"), "{m}");
        for flag in [
            "--headless",
            "--no-sandbox",
            "--remote-debugging-port=0",
            "about:blank",
        ] {
            assert!(m.contains(flag), "{flag} missing: {m}");
        }
        let profile = m
            .split_whitespace()
            .find_map(|w| w.strip_prefix("--user-data-dir="))
            .expect("the profile is on the command line");
        assert!(!Path::new(profile).exists(), "{profile} is left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// A binary that prints the address is taken at its word; dropping the process kills it
    /// and removes the profile.
    #[cfg(unix)]
    #[test]
    fn the_address_is_read_from_standard_error() {
        let dir = scratch("address");
        let fake = dir.join("chromium");
        executable(
            &fake,
            "#!/bin/sh\necho 'some warning' >&2\necho 'DevTools listening on ws://127.0.0.1:1/devtools/browser/abc' >&2\nexec sleep 600\n",
        );
        let (process, url) = Process::start(&fake, Duration::from_secs(60)).unwrap();
        assert_eq!(url, "ws://127.0.0.1:1/devtools/browser/abc");
        let profile = process.profile().to_path_buf();
        assert!(profile.is_dir());
        drop(process);
        assert!(!profile.exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
