//! Integration tests of igfkg: one binary, one module per area.

mod architecture;
mod cli;
mod corpus;
mod crossyear;
mod eval;
mod evidence;
mod graph;
mod linking;
mod publish;
mod reference;
mod reformat;
mod serve;
#[cfg(feature = "rocksdb")]
mod store;
mod synth;
mod util;
