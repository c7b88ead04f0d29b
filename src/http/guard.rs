//! Protected writes. With a token configured, every POST, PUT, PATCH and DELETE needs
//! `Authorization: Bearer <token>` (compared in constant time); reads stay public. Without a
//! token, writes are allowed only when the server listens on loopback, where only this
//! machine's users can reach it. Writes from other hosts are rate-limited per client address.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

use super::error::ApiError;

/// Who may write.
#[derive(Clone)]
enum WritePolicy {
    /// Writers must present this token; only its digest is kept.
    Token([u8; 32]),
    /// No token, listening on loopback: writes are open to local clients.
    Open,
    /// No token, listening on the network: writes are refused.
    Closed,
}

/// The write policy and the per-client rate limiter, shared by all requests.
#[derive(Clone)]
pub struct WriteGuard {
    policy: WritePolicy,
    limiter: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
}

/// Why a write was refused.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    MissingToken,
    InvalidToken,
    WritesDisabled,
    RateLimited { retry_after_secs: u64 },
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl WriteGuard {
    /// The guard for a server listening on `listen`, with an optional `token` and a limit of
    /// `writes_per_second` per remote client (0 disables the limit). A blank token counts as
    /// none.
    pub fn new(token: Option<&str>, listen: SocketAddr, writes_per_second: u32) -> Self {
        let policy = match token.map(str::trim).filter(|t| !t.is_empty()) {
            Some(token) => WritePolicy::Token(digest(token)),
            None if listen.ip().is_loopback() => WritePolicy::Open,
            None => WritePolicy::Closed,
        };
        let limiter = NonZeroU32::new(writes_per_second).map(|rate| {
            let burst = rate.saturating_mul(NonZeroU32::MIN.saturating_add(1));
            Arc::new(RateLimiter::keyed(
                Quota::per_second(rate).allow_burst(burst),
            ))
        });
        Self { policy, limiter }
    }

    /// Writes open to every client with no limit: for tests and throwaway local use.
    pub fn open() -> Self {
        Self {
            policy: WritePolicy::Open,
            limiter: None,
        }
    }

    /// One line for the start-up log saying who may write.
    pub fn describe(&self) -> &'static str {
        match self.policy {
            WritePolicy::Token(_) => "writes need the bearer token; reads are public",
            WritePolicy::Open => {
                "no token set: writes are open to clients on this machine (listening on loopback)"
            }
            WritePolicy::Closed => {
                "no token set and listening beyond loopback: writes are refused (set ITINERARY_TOKEN)"
            }
        }
    }

    fn check(
        &self,
        method: &Method,
        headers: &HeaderMap,
        peer: Option<IpAddr>,
    ) -> Result<(), Refusal> {
        if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
            return Ok(());
        }
        match &self.policy {
            WritePolicy::Open => {}
            WritePolicy::Closed => return Err(Refusal::WritesDisabled),
            WritePolicy::Token(expected) => {
                let presented = bearer(headers).ok_or(Refusal::MissingToken)?;
                if !bool::from(digest(presented).ct_eq(expected)) {
                    return Err(Refusal::InvalidToken);
                }
            }
        }
        self.check_rate(peer)
    }

    /// Loopback clients are this machine's own scripts and are not limited.
    fn check_rate(&self, peer: Option<IpAddr>) -> Result<(), Refusal> {
        let (Some(limiter), Some(peer)) = (&self.limiter, peer) else {
            return Ok(());
        };
        if peer.is_loopback() {
            return Ok(());
        }
        limiter.check_key(&peer).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            Refusal::RateLimited {
                retry_after_secs: wait.as_secs().max(1),
            }
        })
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

/// Middleware refusing writes that the guard does not allow.
pub async fn guard_writes(
    State(guard): State<WriteGuard>,
    request: Request,
    next: Next,
) -> Response {
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip());
    match guard.check(request.method(), request.headers(), peer) {
        Ok(()) => next.run(request).await,
        Err(refusal) => refusal.into_response(),
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let error = match &self {
            Self::MissingToken => ApiError::Unauthorized(
                "this write needs an 'Authorization: Bearer <token>' header".to_owned(),
            ),
            Self::InvalidToken => {
                ApiError::Unauthorized("the bearer token is not valid".to_owned())
            }
            Self::WritesDisabled => ApiError::Forbidden(
                "writes are disabled: the server has no token and listens beyond loopback"
                    .to_owned(),
            ),
            Self::RateLimited { retry_after_secs } => ApiError::TooManyRequests(format!(
                "too many writes from this client; retry in {retry_after_secs} s"
            )),
        };
        let mut response = error.into_response();
        let headers = response.headers_mut();
        let challenge = match self {
            Self::MissingToken => Some("Bearer realm=\"itinerary\""),
            Self::InvalidToken => Some("Bearer realm=\"itinerary\", error=\"invalid_token\""),
            Self::RateLimited { retry_after_secs } => {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
                None
            }
            Self::WritesDisabled => None,
        };
        if let Some(challenge) = challenge {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> SocketAddr {
        "127.0.0.1:8080".parse().unwrap()
    }

    fn headers(auth: Option<&str>) -> HeaderMap {
        let mut map = HeaderMap::new();
        if let Some(auth) = auth {
            map.insert(header::AUTHORIZATION, HeaderValue::from_str(auth).unwrap());
        }
        map
    }

    #[test]
    fn reads_are_always_public() {
        let guard = WriteGuard::new(Some("s3cret"), "0.0.0.0:80".parse().unwrap(), 1);
        assert_eq!(guard.check(&Method::GET, &headers(None), None), Ok(()));
    }

    #[test]
    fn writes_need_the_right_token_when_one_is_set() {
        let guard = WriteGuard::new(Some("s3cret"), loopback(), 0);
        assert_eq!(
            guard.check(&Method::POST, &headers(None), None),
            Err(Refusal::MissingToken)
        );
        assert_eq!(
            guard.check(&Method::DELETE, &headers(Some("Bearer wrong")), None),
            Err(Refusal::InvalidToken)
        );
        assert_eq!(
            guard.check(&Method::PATCH, &headers(Some("bearer s3cret")), None),
            Ok(())
        );
    }

    #[test]
    fn without_a_token_writes_are_open_on_loopback_only() {
        let local = WriteGuard::new(None, loopback(), 0);
        assert_eq!(local.check(&Method::PUT, &headers(None), None), Ok(()));
        let public = WriteGuard::new(Some("  "), "0.0.0.0:8080".parse().unwrap(), 0);
        assert_eq!(
            public.check(&Method::PUT, &headers(None), None),
            Err(Refusal::WritesDisabled)
        );
    }

    #[test]
    fn remote_writers_are_rate_limited_but_local_ones_are_not() {
        let guard = WriteGuard::new(Some("t"), loopback(), 1);
        let auth = headers(Some("Bearer t"));
        let remote: IpAddr = "192.0.2.7".parse().unwrap();
        let results: Vec<bool> = (0..3)
            .map(|_| guard.check(&Method::POST, &auth, Some(remote)).is_ok())
            .collect();
        assert_eq!(results, [true, true, false], "burst of two, then limited");
        let local: IpAddr = "127.0.0.1".parse().unwrap();
        assert!((0..10).all(|_| guard.check(&Method::POST, &auth, Some(local)).is_ok()));
    }
}
