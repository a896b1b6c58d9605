// Package gen generates synthetic minutes (会议纪要) of Chinese local
// governments, deterministically from a seed, together with the ground truth
// of what each document says (issuer, meeting, chair, agenda items,
// decisions, departments, attendees). Benchmarks use it to build corpora of
// any size and tests use the truth to check extraction.
//
// The documents follow the layout of real published minutes: a header, a
// document number, an opening paragraph, numbered items with numbered
// sub-points, and attendance lists wrapped like text taken from a PDF. Prose
// mixes government set phrases with words drawn by frequency from a Chinese
// word-frequency list (see data/README.md). Plans (规划, 方案, 办法, 意见)
// belong to an issuer and recur across its meetings at successive stages
// (研究, 审议, 原则同意, 通过), in date order.
//
// It is not a public API.
package gen
