//! Helpers shared by the corpus tests.

pub mod corpus;
