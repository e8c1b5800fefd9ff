//! Integration tests of igfkg.
