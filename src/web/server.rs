//! Serving connections so that no client can hold the server: HTTP/1.1 (hyper) with
//!
//! - a limit on open connections (`http.max_connections`): past it, a new connection takes the
//!   place of the oldest one that has no request in progress (idle, or still sending its
//!   headers), so idle or half-open connections can never lock the others out; when every one
//!   is busy, the new one is closed at once;
//! - a time for a request's headers (`http.header_timeout_seconds`, hyper's own timer, counted
//!   from the moment the connection waits for them: opened, or the previous response sent);
//! - an idle time (`http.idle_timeout_seconds`): a connection that neither sends a byte nor has
//!   a request in progress for that long is closed;
//! - for bodies, the longest pause and the slowest average speed (`http.body_timeout_seconds`,
//!   `http.body_min_bytes_per_second`); a response the client stops reading is given up after
//!   the same pause.
//!
//! Request handling itself is the axum router; this module only owns sockets and time.

use crate::config::Http;
use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use hyper::body::{Body as HttpBody, Frame, Incoming, SizeHint};
use std::collections::BTreeMap;
use std::convert::Infallible;
use std::future::Future;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tower::ServiceExt;

/// Serves `router` on `listener` until `shutdown` completes, then lets the requests in
/// progress finish.
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: Http,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let open = Arc::new(Registry::default());
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let limits = Arc::new(limits);
    tokio::pin!(shutdown);
    loop {
        let (stream, addr) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(e) => {
                    // Out of file descriptors or a connection reset before it was accepted:
                    // retry shortly rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        if open.len() >= limits.max_connections && !open.shed_oldest_idle() {
            tracing::warn!("connection limit reached with every connection busy: refused one");
            drop(stream);
            continue;
        }
        let _ = stream.set_nodelay(true);
        let conn = open.add();
        tokio::spawn(serve_connection(
            stream,
            addr,
            conn,
            open.clone(),
            router.clone(),
            limits.clone(),
            stopping.clone(),
        ));
    }
    let _ = stop.send(true);
    while !open.is_empty() {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// One open connection, as the limit sees it.
#[derive(Debug)]
struct Conn {
    id: u64,
    /// Requests in progress (from headers received to response body sent or dropped).
    busy: AtomicUsize,
    /// Last byte received or last response finished, in ms since the registry started.
    last_activity: AtomicU64,
    shed: tokio::sync::Notify,
    epoch: Instant,
}

impl Conn {
    fn touch(&self) {
        let now = u64::try_from(self.epoch.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_activity.store(now, Ordering::Relaxed);
    }

    fn idle_for(&self) -> Duration {
        let last = Duration::from_millis(self.last_activity.load(Ordering::Relaxed));
        self.epoch.elapsed().saturating_sub(last)
    }
}

/// The open connections, oldest first.
#[derive(Debug)]
struct Registry {
    conns: Mutex<BTreeMap<u64, Arc<Conn>>>,
    next: AtomicU64,
    epoch: Instant,
}

impl Default for Registry {
    fn default() -> Self {
        Self {
            conns: Mutex::default(),
            next: AtomicU64::new(0),
            epoch: Instant::now(),
        }
    }
}

impl Registry {
    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, Arc<Conn>>> {
        self.conns
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn len(&self) -> usize {
        self.lock().len()
    }

    fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn add(&self) -> Arc<Conn> {
        let conn = Arc::new(Conn {
            id: self.next.fetch_add(1, Ordering::Relaxed),
            busy: AtomicUsize::new(0),
            last_activity: AtomicU64::new(0),
            shed: tokio::sync::Notify::new(),
            epoch: self.epoch,
        });
        conn.touch();
        self.lock().insert(conn.id, conn.clone());
        conn
    }

    fn remove(&self, id: u64) {
        self.lock().remove(&id);
    }

    /// Closes the oldest connection without a request in progress; false if all are busy.
    fn shed_oldest_idle(&self) -> bool {
        let mut conns = self.lock();
        let Some(id) = conns
            .values()
            .find(|c| c.busy.load(Ordering::Acquire) == 0)
            .map(|c| c.id)
        else {
            return false;
        };
        if let Some(conn) = conns.remove(&id) {
            // A stored permit: the connection's task sees it even if not waiting yet.
            conn.shed.notify_one();
        }
        true
    }
}

async fn serve_connection(
    stream: TcpStream,
    addr: SocketAddr,
    conn: Arc<Conn>,
    open: Arc<Registry>,
    router: Router,
    limits: Arc<Http>,
    mut stopping: tokio::sync::watch::Receiver<bool>,
) {
    let pause = Duration::from_secs(limits.body_timeout_seconds);
    let idle = Duration::from_secs(limits.idle_timeout_seconds);
    let io = hyper_util::rt::TokioIo::new(Watched {
        inner: stream,
        conn: conn.clone(),
        write_pause: pause,
        write_stall: None,
    });
    let service = {
        let conn = conn.clone();
        let limits = limits.clone();
        hyper::service::service_fn(move |mut req: hyper::Request<Incoming>| {
            let busy = Busy::new(conn.clone());
            req.extensions_mut().insert(ConnectInfo(addr));
            let req = req.map(|body| Body::new(TimedBody::new(body, &limits)));
            let router = router.clone();
            async move {
                let res = router.oneshot(req).await?;
                Ok::<_, Infallible>(res.map(|body| {
                    Body::new(BusyBody {
                        inner: body,
                        _busy: busy,
                    })
                }))
            }
        })
    };
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(Duration::from_secs(limits.header_timeout_seconds));
    let connection = builder.serve_connection(io, service);
    tokio::pin!(connection);
    let mut closing = false;
    loop {
        let idle_left = idle.saturating_sub(conn.idle_for());
        tokio::select! {
            result = connection.as_mut() => {
                if let Err(e) = result {
                    tracing::debug!(error = %e, "connection ended");
                }
                break;
            }
            () = conn.shed.notified() => break,
            changed = stopping.changed(), if !closing => {
                if changed.is_err() || *stopping.borrow() {
                    connection.as_mut().graceful_shutdown();
                    closing = true;
                }
            }
            () = tokio::time::sleep(idle_left.max(Duration::from_millis(10))) => {
                if conn.busy.load(Ordering::Acquire) == 0 && conn.idle_for() >= idle {
                    break;
                }
            }
        }
    }
    open.remove(conn.id);
}

/// A request in progress on a connection, until its response body is sent or dropped.
struct Busy(Arc<Conn>);

impl Busy {
    fn new(conn: Arc<Conn>) -> Self {
        conn.busy.fetch_add(1, Ordering::AcqRel);
        Self(conn)
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.0.touch();
        self.0.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

/// A response body that keeps its connection busy until it is over.
struct BusyBody {
    inner: Body,
    _busy: Busy,
}

impl HttpBody for BusyBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

#[derive(Debug, thiserror::Error)]
#[error("request body too slow")]
struct TooSlow;

/// A request body that fails when the client pauses longer than the body timeout or falls
/// below the minimum average speed. Only the time spent waiting for the client counts: a
/// handler that reads late (waiting for memory, say) is never blamed on the client.
struct TimedBody {
    inner: Incoming,
    pause: Duration,
    min_rate: u64,
    /// Time spent waiting for the client so far, and bytes received.
    waited: Duration,
    received: u64,
    /// Since when the current wait lasts, if waiting.
    waiting_since: Option<tokio::time::Instant>,
    deadline: Pin<Box<tokio::time::Sleep>>,
}

impl TimedBody {
    fn new(inner: Incoming, limits: &Http) -> Self {
        Self {
            inner,
            pause: Duration::from_secs(limits.body_timeout_seconds),
            min_rate: limits.body_min_bytes_per_second.max(1),
            waited: Duration::ZERO,
            received: 0,
            waiting_since: None,
            deadline: Box::pin(tokio::time::sleep(Duration::ZERO)),
        }
    }

    /// How long this wait may last: the pause allowance, and no more than keeps the time
    /// waited within one pause plus what the minimum speed grants for the bytes received.
    fn allowance(&self) -> Duration {
        let by_rate = (self.pause + Duration::from_secs(self.received / self.min_rate))
            .saturating_sub(self.waited);
        self.pause.min(by_rate)
    }
}

impl HttpBody for TimedBody {
    type Data = Bytes;
    type Error = Box<dyn std::error::Error + Send + Sync>;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        let polled = Pin::new(&mut this.inner).poll_frame(cx);
        if polled.is_pending() {
            if this.waiting_since.is_none() {
                let now = tokio::time::Instant::now();
                this.waiting_since = Some(now);
                let until = now + this.allowance();
                this.deadline.as_mut().reset(until);
            }
            return match this.deadline.as_mut().poll(cx) {
                Poll::Ready(()) => Poll::Ready(Some(Err(TooSlow.into()))),
                Poll::Pending => Poll::Pending,
            };
        }
        if let Some(since) = this.waiting_since.take() {
            this.waited += since.elapsed();
        }
        match polled {
            Poll::Ready(Some(Ok(frame))) => {
                if let Some(data) = frame.data_ref() {
                    this.received = this.received.saturating_add(data.len() as u64);
                }
                Poll::Ready(Some(Ok(frame)))
            }
            Poll::Ready(Some(Err(e))) => Poll::Ready(Some(Err(e.into()))),
            _ => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

/// The socket, noting when bytes arrive (for the idle time) and giving up a write the client
/// does not take within the body timeout.
struct Watched {
    inner: TcpStream,
    conn: Arc<Conn>,
    write_pause: Duration,
    write_stall: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl AsyncRead for Watched {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(result, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.conn.touch();
        }
        result
    }
}

impl Watched {
    /// A write that stays pending longer than the allowed pause fails.
    fn stalled<T>(
        &mut self,
        cx: &mut Context<'_>,
        result: Poll<std::io::Result<T>>,
    ) -> Poll<std::io::Result<T>> {
        if result.is_ready() {
            self.write_stall = None;
            return result;
        }
        let pause = self.write_pause;
        let stall = self
            .write_stall
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(pause)));
        match stall.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the client stopped reading",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.stalled(cx, result)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let result = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.stalled(cx, result)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let result = Pin::new(&mut self.inner).poll_flush(cx);
        self.stalled(cx, result)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
