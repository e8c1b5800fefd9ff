#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

mod auth;
mod error;
mod http;
mod push;
mod store;

pub use auth::{CredentialError, Credentials, Secret};
pub use error::{Mismatch, PushError};
pub use push::{Event, GraphPrefix, GraphPush, Method, Prepared, Pusher, Summary};
pub use store::{Endpoints, StoreKind, UnknownStore};
