//! Integration tests of igfkg: one binary, one module per area.

mod architecture;
mod cli;
mod corpus;
mod crossyear;
mod evidence;
mod formats;
mod graph;
mod linking;
mod publish;
mod records;
mod reference;
mod reformat;
#[cfg(feature = "rocksdb")]
mod store;
mod synth;
mod util;
