//! The DevTools websocket: numbered commands and their answers, and a buffer of the events that
//! arrive in between.

use crate::Error;
use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::ErrorKind;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::{Duration, Instant};
use tungstenite::handshake::HandshakeError;
use tungstenite::protocol::WebSocketConfig;
use tungstenite::{Message, WebSocket};

/// An event Chromium sent: its session (`None` for the browser itself), method and parameters.
#[derive(Debug, Clone)]
pub(crate) struct Event {
    pub session: Option<String>,
    pub method: String,
    pub params: Value,
}

/// One websocket to Chromium's browser endpoint, shared by every page (flattened sessions).
pub(crate) struct Connection {
    ws: WebSocket<TcpStream>,
    next_id: u64,
    /// Events received and not yet taken, oldest first.
    events: VecDeque<Event>,
}

impl Connection {
    /// Connects to `url` (`ws://HOST:PORT/PATH`).
    pub fn connect(url: &str, timeout: Duration) -> Result<Connection, Error> {
        let host_port = url
            .strip_prefix("ws://")
            .and_then(|rest| rest.split('/').next())
            .filter(|hp| !hp.is_empty())
            .ok_or_else(|| Error::Protocol(format!("not a ws:// address: {url:?}")))?;
        let addr = host_port
            .to_socket_addrs()
            .ok()
            .and_then(|mut a| a.next())
            .ok_or_else(|| Error::Protocol(format!("cannot resolve {host_port:?} of {url}")))?;
        let io = |e: std::io::Error| Error::Protocol(format!("connecting to {url}: {e}"));
        let stream = TcpStream::connect_timeout(&addr, timeout).map_err(io)?;
        stream.set_nodelay(true).map_err(io)?;
        stream.set_read_timeout(Some(timeout)).map_err(io)?;
        stream.set_write_timeout(Some(timeout)).map_err(io)?;
        // Screenshots arrive as one base64 message of a few megabytes; allow far more than that.
        let config = WebSocketConfig::default()
            .max_message_size(Some(512 << 20))
            .max_frame_size(Some(512 << 20));
        let (ws, _response) = tungstenite::client::client_with_config(url, stream, Some(config))
            .map_err(|e| match e {
                HandshakeError::Interrupted(_) => {
                    Error::Timeout(format!("websocket handshake with {url}"))
                }
                HandshakeError::Failure(e) => {
                    Error::Protocol(format!("websocket handshake with {url}: {e}"))
                }
            })?;
        Ok(Connection {
            ws,
            next_id: 1,
            events: VecDeque::new(),
        })
    }

    /// Sends command `method` (to `session`, or to the browser) and waits for its answer: the
    /// `result` object, or an error when Chromium answers with one. Events that arrive in the
    /// meantime are buffered.
    pub fn call(
        &mut self,
        session: Option<&str>,
        method: &str,
        params: Value,
        timeout: Duration,
    ) -> Result<Value, Error> {
        let id = self.next_id;
        self.next_id += 1;
        let mut msg = json!({"id": id, "method": method, "params": params});
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        self.ws
            .send(Message::text(msg.to_string()))
            .map_err(|e| Error::Protocol(format!("sending {method}: {e}")))?;
        let deadline = Instant::now() + timeout;
        loop {
            let v = self.read(deadline, || {
                format!("no answer to {method} within {} s", timeout.as_secs_f64())
            })?;
            if v.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(err) = v.get("error") {
                    let text = err
                        .get("message")
                        .and_then(Value::as_str)
                        .map_or_else(|| err.to_string(), str::to_string);
                    return Err(Error::Protocol(format!("{method}: {text}")));
                }
                return Ok(v.get("result").cloned().unwrap_or(Value::Null));
            }
            self.keep(v);
        }
    }

    /// Waits for the first event of `session` that `wanted` accepts, taking it from the buffer
    /// when it has already arrived.
    pub fn wait_event(
        &mut self,
        session: Option<&str>,
        what: &str,
        wanted: impl Fn(&Event) -> bool,
        timeout: Duration,
    ) -> Result<Event, Error> {
        let ours = |e: &Event| e.session.as_deref() == session && wanted(e);
        if let Some(i) = self.events.iter().position(ours) {
            return Ok(self.events.remove(i).expect("the index was just found"));
        }
        let deadline = Instant::now() + timeout;
        loop {
            let v = self.read(deadline, || {
                format!("{what} did not happen within {} s", timeout.as_secs_f64())
            })?;
            if let Some(e) = event(&v) {
                if ours(&e) {
                    return Ok(e);
                }
                self.events.push_back(e);
            }
        }
    }

    /// The buffered events of `session`, oldest first (they stay in the buffer).
    pub fn events<'a>(&'a self, session: Option<&'a str>) -> impl Iterator<Item = &'a Event> + 'a {
        self.events
            .iter()
            .filter(move |e| e.session.as_deref() == session)
    }

    /// Forgets the buffered events of `session`.
    pub fn discard_events(&mut self, session: Option<&str>) {
        self.events.retain(|e| e.session.as_deref() != session);
    }

    /// Buffers `v` when it is an event. Anything else is the late answer to a command that
    /// timed out (only one command is in flight at a time), which nobody waits for any more.
    fn keep(&mut self, v: Value) {
        if let Some(e) = event(&v) {
            self.events.push_back(e);
        }
    }

    /// Reads the next message, failing with `Error::Timeout(what())` at `deadline`.
    fn read(&mut self, deadline: Instant, what: impl Fn() -> String) -> Result<Value, Error> {
        loop {
            let now = Instant::now();
            if now >= deadline {
                return Err(Error::Timeout(what()));
            }
            // A zero read timeout is refused by the socket: wait at least a millisecond.
            let left = (deadline - now).max(Duration::from_millis(1));
            self.ws
                .get_mut()
                .set_read_timeout(Some(left))
                .map_err(|e| Error::Protocol(format!("socket: {e}")))?;
            let parsed = match self.ws.read() {
                Ok(Message::Text(t)) => serde_json::from_str(&t),
                Ok(Message::Binary(b)) => serde_json::from_slice(&b),
                Ok(Message::Close(_)) => {
                    return Err(Error::Protocol(
                        "Chromium closed the DevTools connection".into(),
                    ))
                }
                // Pings are answered by tungstenite itself.
                Ok(_) => continue,
                // The read timed out; a partly read frame stays in tungstenite's buffer.
                Err(tungstenite::Error::Io(e))
                    if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) =>
                {
                    continue
                }
                Err(e) => return Err(Error::Protocol(format!("DevTools connection: {e}"))),
            };
            return parsed.map_err(|e| Error::Protocol(format!("malformed DevTools message: {e}")));
        }
    }
}

/// `v` as an event, when it is one (it has a method and no id).
fn event(v: &Value) -> Option<Event> {
    if v.get("id").is_some() {
        return None;
    }
    Some(Event {
        session: v
            .get("sessionId")
            .and_then(Value::as_str)
            .map(str::to_string),
        method: v.get("method")?.as_str()?.to_string(),
        params: v.get("params").cloned().unwrap_or(Value::Null),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A fake DevTools endpoint on loopback that runs `script` on the first connection.
    fn fake_chromium(
        script: impl FnOnce(&mut WebSocket<TcpStream>) + Send + 'static,
    ) -> (String, std::thread::JoinHandle<()>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!(
            "ws://{}/devtools/browser/test",
            listener.local_addr().unwrap()
        );
        let server = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut ws = tungstenite::accept(stream).unwrap();
            script(&mut ws);
        });
        (url, server)
    }

    fn request(ws: &mut WebSocket<TcpStream>) -> Value {
        loop {
            if let Message::Text(t) = ws.read().unwrap() {
                return serde_json::from_str(&t).unwrap();
            }
        }
    }

    fn send(ws: &mut WebSocket<TcpStream>, v: Value) {
        ws.send(Message::text(v.to_string())).unwrap();
    }

    /// Events sent before the answer are kept, in order, for whoever waits for them later; an
    /// answer with another id (a command that timed out) is not taken for ours.
    #[test]
    fn events_before_an_answer_are_buffered() {
        let (url, server) = fake_chromium(|ws| {
            let req = request(ws);
            assert_eq!(req["method"], "Runtime.evaluate");
            assert_eq!(req["sessionId"], "S1");
            let id = req["id"].as_u64().unwrap();
            send(
                ws,
                json!({"method": "Page.lifecycleEvent", "sessionId": "S1", "params": {"name": "init"}}),
            );
            send(
                ws,
                json!({"method": "Page.lifecycleEvent", "sessionId": "S2", "params": {"name": "load"}}),
            );
            send(ws, json!({"id": id + 100, "result": {"stale": true}}));
            send(
                ws,
                json!({"method": "Page.lifecycleEvent", "sessionId": "S1", "params": {"name": "load"}}),
            );
            send(ws, json!({"id": id, "result": {"value": 42}}));
            // The next command is refused.
            let req = request(ws);
            send(
                ws,
                json!({"id": req["id"], "error": {"code": -32000, "message": "no such target"}}),
            );
            // Then an event arrives on its own, for a wait.
            send(
                ws,
                json!({"method": "Target.targetCrashed", "params": {"targetId": "T"}}),
            );
            let _ = request(ws);
        });
        let mut conn = Connection::connect(&url, Duration::from_secs(60)).unwrap();
        let answer = conn
            .call(
                Some("S1"),
                "Runtime.evaluate",
                json!({}),
                Duration::from_secs(60),
            )
            .unwrap();
        assert_eq!(answer, json!({"value": 42}));
        let names: Vec<_> = conn
            .events(Some("S1"))
            .map(|e| e.params["name"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(names, ["init", "load"]);
        let load = |e: &Event| e.params["name"] == "load";
        let got = conn
            .wait_event(Some("S2"), "load", load, Duration::from_secs(60))
            .unwrap();
        assert_eq!(got.method, "Page.lifecycleEvent");
        assert_eq!(
            conn.events(Some("S2")).count(),
            0,
            "a waited-for event is taken"
        );

        let err = conn
            .call(
                None,
                "Target.closeTarget",
                json!({}),
                Duration::from_secs(60),
            )
            .unwrap_err();
        assert!(
            matches!(&err, Error::Protocol(m) if m == "Target.closeTarget: no such target"),
            "{err}"
        );
        let crash = conn
            .wait_event(
                None,
                "a crash",
                |e| e.method == "Target.targetCrashed",
                Duration::from_secs(60),
            )
            .unwrap();
        assert_eq!(crash.params["targetId"], "T");
        conn.discard_events(Some("S1"));
        assert_eq!(conn.events(Some("S1")).count(), 0);
        // Release the server, which waits for one more message.
        let _ = conn.call(None, "Browser.close", json!({}), Duration::from_millis(1));
        server.join().unwrap();
    }

    #[test]
    fn a_command_without_answer_times_out() {
        let (url, server) = fake_chromium(|ws| {
            let _ = request(ws);
            // Wait for the client to give up and hang up.
            while ws.read().is_ok() {}
        });
        let mut conn = Connection::connect(&url, Duration::from_secs(60)).unwrap();
        let err = conn
            .call(
                None,
                "Browser.getVersion",
                json!({}),
                Duration::from_millis(200),
            )
            .unwrap_err();
        assert!(
            matches!(&err, Error::Timeout(m) if m.contains("Browser.getVersion")),
            "{err}"
        );
        drop(conn);
        server.join().unwrap();
    }

    #[test]
    fn bad_addresses_are_errors() {
        for url in ["http://127.0.0.1:9/x", "ws:///x", "ws://no such host:1/x"] {
            let err = Connection::connect(url, Duration::from_secs(5))
                .err()
                .unwrap();
            assert!(matches!(err, Error::Protocol(_)), "{url}: {err}");
        }
    }
}
