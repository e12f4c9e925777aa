import fc from 'fast-check';

// Property tests run the same cases on every run, so CI is reproducible; set FC_SEED to explore
// other cases (tests/reference/hunt.ts explores many more).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261123) });
