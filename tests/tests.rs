//! Integration tests of igfkg: one binary, one module per area.

mod architecture;
mod cli;
mod corpus;
mod crossyear;
mod eval;
mod evidence;
mod formats;
mod fuzzing;
mod graph;
mod habits;
mod interrupt;
mod limits;
mod linking;
mod manifest;
mod net;
mod outputs;
mod publish;
mod push;
mod records;
mod reference;
mod reformat;
mod serve;
#[cfg(feature = "rocksdb")]
mod store;
mod synth;
mod util;
