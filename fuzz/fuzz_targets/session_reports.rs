#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    igfkg_fuzz::Target::named("session_reports").expect("a target of src/lib.rs").run(data);
});
