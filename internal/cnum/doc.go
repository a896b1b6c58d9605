// Package cnum reads Chinese numerals (中文数字): counting forms such as
// 一百一十五, 两千零五 and 廿三, financial forms such as 壹佰贰拾, the
// digit-by-digit forms of years such as 二〇二〇, and ASCII or full-width
// digits.
//
// It is shared by ingest, which reads session numbers and dates from minutes,
// and the index, which rewrites queries such as 第一百一十五次 to 第115次 so
// that both spellings find the same meeting. It is not a public API.
package cnum
