package server

import (
	"strconv"
	"testing"
	"time"
)

// The limiter's table stays bounded when more addresses come than it may
// track and none has refilled: the newcomers share one bucket, still
// limited, and a sweep runs at most once a second.
func TestLimiterBounded(t *testing.T) {
	l := newLimiter(1, 2)
	now := time.Unix(1_700_000_000, 0)
	for i := range maxBuckets {
		a := strconv.Itoa(i)
		l.allow(a, now)
		l.allow(a, now) // drained: nothing to sweep
	}
	if len(l.buckets) != maxBuckets {
		t.Fatalf("%d buckets; want %d", len(l.buckets), maxBuckets)
	}
	allowed := 0
	for i := range 1000 {
		if ok, _ := l.allow("new"+strconv.Itoa(i), now); ok {
			allowed++
		}
	}
	if len(l.buckets) > maxBuckets+1 {
		t.Errorf("%d buckets after 1000 new addresses; want at most %d", len(l.buckets), maxBuckets+1)
	}
	if allowed != 2 {
		t.Errorf("1000 new addresses with the table full were allowed %d requests; want the shared bucket's burst, 2", allowed)
	}
	// A minute on, every bucket has refilled: a sweep empties the table.
	if ok, _ := l.allow("later", now.Add(time.Minute)); !ok || len(l.buckets) != 1 {
		t.Errorf("after a minute: allowed %v, %d buckets; want allowed, 1", ok, len(l.buckets))
	}
}
