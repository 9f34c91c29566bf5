package sabnode_test

// The retry rules on answers the live API gives only under failure (503, 500, 409 idempotency_in_progress, a
// hung connection), played by a local HTTP server.

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	sabnode "github.com/sabnode/sabnode-go"
)

type scripted struct {
	mu       sync.Mutex
	answers  []func(w http.ResponseWriter)
	keys     []string
	versions []string
	times    []time.Time
}

func (s *scripted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	n := len(s.keys)
	s.keys = append(s.keys, r.Header.Get("Idempotency-Key"))
	s.versions = append(s.versions, r.Header.Get("Api-Version"))
	s.times = append(s.times, time.Now())
	answer := s.answers[min(n, len(s.answers)-1)]
	s.mu.Unlock()
	answer(w)
}

func problem(status int, code string, headers map[string]string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		for k, v := range headers {
			w.Header().Set(k, v)
		}
		w.Header().Set("Content-Type", "application/problem+json")
		w.Header().Set("Request-Id", "req_local")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(`{"type":"https://docs.sabnode.com/errors/` + code + `","title":"t","status":` + strconv.Itoa(status) + `,"code":"` + code + `","request_id":"req_local"}`))
	}
}

func okStatus(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{"object":"status","status":"operational","api_version":"2026-11-01","time":"2026-11-26T10:00:00.000Z"}`))
}

func okContact(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(201)
	_, _ = w.Write([]byte(`{"id":"ctc_00000000000000000000000000","object":"contact","phone":null,"email":"a@example.com","first_name":null,"last_name":null,"external_id":null,"attributes":{},"tags":[],"opted_in_at":null,"opted_out_at":null,"created_at":"2026-11-26T10:00:00.000Z","updated_at":"2026-11-26T10:00:00.000Z"}`))
}

func localClient(url string, opts ...sabnode.Option) *sabnode.Client {
	return sabnode.NewClient("sk_local", append([]sabnode.Option{sabnode.WithBaseURL(url), sabnode.WithBackoff(10*time.Millisecond, 50*time.Millisecond)}, opts...)...)
}

func TestRetriesServiceUnavailableAndInProgressWithOneKey(t *testing.T) {
	s := &scripted{answers: []func(http.ResponseWriter){
		problem(503, "database_unavailable", map[string]string{"Retry-After": "1"}),
		problem(409, "idempotency_in_progress", nil),
		problem(500, "internal_error", nil),
		okContact,
	}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	c, err := localClient(srv.URL).Contacts.Create(context.Background(), sabnode.ContactCreate{Email: sabnode.Ptr("a@example.com")})
	if err != nil || c.ID == "" {
		t.Fatalf("create after 503, 409 in progress and 500: %v", err)
	}
	if len(s.keys) != 4 || s.keys[0] == "" || s.keys[0] != s.keys[1] || s.keys[1] != s.keys[2] || s.keys[2] != s.keys[3] {
		t.Fatalf("attempts and keys: %q", s.keys)
	}
	if waited := s.times[1].Sub(s.times[0]); waited < 990*time.Millisecond {
		t.Fatalf("retried %s after Retry-After: 1", waited)
	}
	if s.versions[0] != sabnode.APIVersion {
		t.Fatalf("Api-Version %q, want %q", s.versions[0], sabnode.APIVersion)
	}
}

func TestOtherClientErrorsAreNotRetried(t *testing.T) {
	for _, tc := range []struct {
		status int
		code   string
		as     func(error) bool
	}{
		{400, "invalid_request", func(err error) bool { var e *sabnode.BadRequestError; return errors.As(err, &e) }},
		{409, "idempotency_key_reused", func(err error) bool { var e *sabnode.ConflictError; return errors.As(err, &e) }},
		{422, "contact_phone_taken", func(err error) bool { var e *sabnode.UnprocessableEntityError; return errors.As(err, &e) }},
	} {
		s := &scripted{answers: []func(http.ResponseWriter){problem(tc.status, tc.code, nil), okContact}}
		srv := httptest.NewServer(s)
		_, err := localClient(srv.URL).Contacts.Create(context.Background(), sabnode.ContactCreate{Email: sabnode.Ptr("a@example.com")})
		srv.Close()
		if !tc.as(err) || len(s.keys) != 1 {
			t.Fatalf("%d %s: %d attempts, error %v", tc.status, tc.code, len(s.keys), err)
		}
	}
}

func TestServerErrorAfterRetriesAndLongRetryAfter(t *testing.T) {
	s := &scripted{answers: []func(http.ResponseWriter){problem(500, "internal_error", nil)}}
	srv := httptest.NewServer(s)
	defer srv.Close()
	_, err := localClient(srv.URL, sabnode.WithMaxRetries(2)).Status.Retrieve(context.Background())
	var se *sabnode.ServerError
	if !errors.As(err, &se) || se.RequestID != "req_local" || len(s.keys) != 3 {
		t.Fatalf("want a ServerError after 3 attempts, got %d attempts, %v", len(s.keys), err)
	}

	// a Retry-After beyond the cap is not waited for: the 429 comes back at once, with its RetryAfter
	long := &scripted{answers: []func(http.ResponseWriter){problem(429, "rate_limited", map[string]string{"Retry-After": "3600"})}}
	srv2 := httptest.NewServer(long)
	defer srv2.Close()
	start := time.Now()
	_, err = localClient(srv2.URL).Status.Retrieve(context.Background())
	var rl *sabnode.RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != time.Hour || len(long.keys) != 1 || time.Since(start) > 5*time.Second {
		t.Fatalf("429 with Retry-After 3600: %d attempts, %v", len(long.keys), err)
	}
}

func TestHungAttemptTimesOutAndIsRetried(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		calls++
		first := calls == 1
		mu.Unlock()
		if first {
			select {
			case <-r.Context().Done():
			case <-time.After(5 * time.Second):
			}
			return
		}
		okStatus(w)
	}))
	defer srv.Close()
	st, err := localClient(srv.URL, sabnode.WithTimeout(300*time.Millisecond)).Status.Retrieve(context.Background())
	if err != nil || st.Status != "operational" || calls != 2 {
		t.Fatalf("after a hung attempt: %d calls, %v", calls, err)
	}

	_, err = localClient(srv.URL, sabnode.WithTimeout(300*time.Millisecond), sabnode.WithMaxRetries(0)).Status.Retrieve(context.Background(), sabnode.WithRequestTimeout(time.Nanosecond))
	var ce *sabnode.ConnectionError
	if !errors.As(err, &ce) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("want a ConnectionError wrapping DeadlineExceeded, got %v", err)
	}
}
