package server

import (
	"sync"
	"time"
)

// limiter is a token bucket per client address: each holds up to burst
// tokens, refilled at rate per second; a request takes one.
type limiter struct {
	rate  float64
	burst float64

	mu      sync.Mutex
	buckets map[string]*bucket
	swept   time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxBuckets bounds the addresses tracked; full buckets are dropped first.
const maxBuckets = 100000

// overflowAddr keys the one bucket the addresses share that come while the
// table is full of addresses still limited.
const overflowAddr = ""

func newLimiter(rate float64, burst int) *limiter {
	return &limiter{rate: rate, burst: float64(burst), buckets: map[string]*bucket{}}
}

// allow takes a token for addr at now; when there is none it reports how
// long until there is.
func (l *limiter) allow(addr string, now time.Time) (ok bool, wait time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[addr]
	if b == nil {
		// Full: sweep, at most once a second (a sweep walks the whole
		// table); still full, the new address shares the overflow bucket,
		// so that the table stays bounded and every address limited.
		if len(l.buckets) >= maxBuckets && now.Sub(l.swept) >= time.Second {
			l.sweep(now)
		}
		if len(l.buckets) >= maxBuckets {
			addr = overflowAddr
			b = l.buckets[addr]
		}
	}
	if b == nil {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[addr] = b
	}
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(l.burst, b.tokens+el*l.rate)
		b.last = now
	}
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	return false, time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
}

// sweep drops the buckets that have refilled: forgetting them changes
// nothing.
func (l *limiter) sweep(now time.Time) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.buckets, k)
		}
	}
	l.swept = now
}
