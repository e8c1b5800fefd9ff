#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    igfkg_fuzz::Target::named("params").expect("a target of src/lib.rs").run(data);
});
