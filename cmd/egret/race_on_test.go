//go:build race

package main

// raceDetector is whether the tests run under -race, which slows the
// coder tenfold: load tests then send a fifth of their requests.
const raceDetector = true
