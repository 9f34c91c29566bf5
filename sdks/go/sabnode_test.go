package sabnode_test

// These tests run against a live SabNode API (test/sdk-go.test.ts starts one and sets SABNODE_API_URL,
// SABNODE_API_KEY, SABNODE_READ_ONLY_API_KEY and SABNODE_RATE_LIMITED_API_KEY).

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	sabnode "github.com/sabnode/sabnode-go"
)

var apiURL, apiKey, readOnlyKey, rateLimitedKey string

func TestMain(m *testing.M) {
	apiURL, apiKey = os.Getenv("SABNODE_API_URL"), os.Getenv("SABNODE_API_KEY")
	readOnlyKey, rateLimitedKey = os.Getenv("SABNODE_READ_ONLY_API_KEY"), os.Getenv("SABNODE_RATE_LIMITED_API_KEY")
	if apiURL == "" || apiKey == "" || readOnlyKey == "" || rateLimitedKey == "" {
		fmt.Fprintln(os.Stderr, "these tests need a live API: set SABNODE_API_URL, SABNODE_API_KEY, SABNODE_READ_ONLY_API_KEY and SABNODE_RATE_LIMITED_API_KEY (npx jest test/sdk-go.test.ts does)")
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// exchange is one request seen by a recorder and its answer.
type exchange struct {
	method, path   string
	header         http.Header
	status         int
	respHeader     http.Header
	sent, answered time.Time
}

// recorder is an http.RoundTripper that logs every exchange.
type recorder struct {
	mu  sync.Mutex
	log []exchange
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	sent := time.Now()
	resp, err := http.DefaultTransport.RoundTrip(req)
	e := exchange{method: req.Method, path: req.URL.Path, header: req.Header.Clone(), sent: sent, answered: time.Now()}
	if err == nil {
		e.status, e.respHeader = resp.StatusCode, resp.Header.Clone()
	}
	r.mu.Lock()
	r.log = append(r.log, e)
	r.mu.Unlock()
	return resp, err
}

func (r *recorder) exchanges() []exchange {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.log)
}

func newClient(key string, opts ...sabnode.Option) *sabnode.Client {
	base := []sabnode.Option{sabnode.WithBaseURL(apiURL), sabnode.WithBackoff(50*time.Millisecond, 500*time.Millisecond), sabnode.WithTimeout(20 * time.Second)}
	return sabnode.NewClient(key, append(base, opts...)...)
}

func nonce() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func testCtx(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestContactsCreateListUpdateDelete(t *testing.T) {
	ctx := testCtx(t, 60*time.Second)
	rec := &recorder{}
	client := newClient(apiKey, sabnode.WithHTTPClient(&http.Client{Transport: rec}))
	run := nonce()
	tag := "sdkgo-" + run

	created := map[string]bool{}
	var first *sabnode.Contact
	for i := range 5 {
		c, err := client.Contacts.Create(ctx, sabnode.ContactCreate{
			Email:      sabnode.Ptr(fmt.Sprintf("go-%s-%d@example.com", run, i)),
			FirstName:  sabnode.Ptr("Asha"),
			ExternalID: sabnode.Ptr(fmt.Sprintf("go-%s-%d", run, i)),
			Attributes: map[string]any{"plan": "pro"},
		})
		if err != nil {
			t.Fatalf("create %d: %v", i, err)
		}
		if !strings.HasPrefix(c.ID, "ctc_") || c.Object != "contact" || c.FirstName == nil || *c.FirstName != "Asha" || c.Attributes["plan"] != "pro" || c.CreatedAt.IsZero() {
			t.Fatalf("created contact is not as sent: %+v", c)
		}
		tagged, err := client.Contacts.AddTags(ctx, c.ID, sabnode.ContactTagsAdd{Tags: []string{tag}})
		if err != nil {
			t.Fatalf("add tag: %v", err)
		}
		if !slices.Contains(tagged.Tags, tag) {
			t.Fatalf("tag not added: %v", tagged.Tags)
		}
		created[c.ID] = true
		if first == nil {
			first = c
		}
	}

	// list across pages: 5 contacts, 2 a page
	page, err := client.Contacts.List(ctx, &sabnode.ContactsListParams{Tag: sabnode.Ptr(tag), Limit: sabnode.Ptr(int64(2))})
	if err != nil {
		t.Fatalf("list: %v", err)
	}
	if len(page.Data) != 2 || !page.HasNext() {
		t.Fatalf("first page: %d items, has_more %v", len(page.Data), page.HasMore)
	}
	before := countPath(rec, "GET", "/v1/contacts")
	seen := map[string]int{}
	for item, err := range page.All(ctx) {
		if err != nil {
			t.Fatalf("iterating: %v", err)
		}
		if item.Contact == nil {
			t.Fatalf("a live contact decoded as %s", item.Raw)
		}
		seen[item.Contact.ID]++
	}
	if len(seen) != 5 {
		t.Fatalf("iterated %d distinct contacts, want 5: %v", len(seen), seen)
	}
	for id, n := range seen {
		if !created[id] || n != 1 {
			t.Fatalf("contact %s seen %d times (created by this test: %v)", id, n, created[id])
		}
	}
	if fetched := countPath(rec, "GET", "/v1/contacts") - before; fetched != 2 {
		t.Fatalf("the iterator fetched %d more pages, want 2", fetched)
	}

	// a search pages like a list: every page a POST with the same filters
	search := sabnode.ContactSearch{FilterGroups: []sabnode.ContactSearchGroup{{Filters: []sabnode.ContactSearchFilter{
		{Field: "tags", Operator: "contains", Value: tag},
		{Field: "attributes.plan", Operator: "eq", Value: "pro"},
	}}}}
	searchesBefore := countPath(rec, "POST", "/v1/contacts/search")
	found, err := client.Contacts.Search(ctx, search, &sabnode.ContactsSearchParams{Limit: sabnode.Ptr(int64(2))})
	if err != nil {
		t.Fatalf("search: %v", err)
	}
	matched := map[string]bool{}
	for item, err := range found.All(ctx) {
		if err != nil {
			t.Fatalf("iterating the search: %v", err)
		}
		if item.Contact == nil || !created[item.Contact.ID] {
			t.Fatalf("the search found %s", item.Raw)
		}
		matched[item.Contact.ID] = true
	}
	if len(matched) != 5 || countPath(rec, "POST", "/v1/contacts/search")-searchesBefore != 3 {
		t.Fatalf("the search found %d contacts in %d pages, want 5 in 3", len(matched), countPath(rec, "POST", "/v1/contacts/search")-searchesBefore)
	}

	got, err := client.Contacts.Retrieve(ctx, first.ID)
	if err != nil || got.ID != first.ID {
		t.Fatalf("retrieve: %v %+v", err, got)
	}

	updated, err := client.Contacts.Update(ctx, first.ID, sabnode.ContactUpdate{
		FirstName:  sabnode.Value("Ravi"),
		ExternalID: sabnode.Null[string](),
		Attributes: map[string]any{"plan": nil, "tier": "gold"},
	})
	if err != nil {
		t.Fatalf("update: %v", err)
	}
	if updated.FirstName == nil || *updated.FirstName != "Ravi" || updated.ExternalID != nil || updated.Attributes["tier"] != "gold" {
		t.Fatalf("update not applied: %+v", updated)
	}
	if _, has := updated.Attributes["plan"]; has {
		t.Fatalf("a null attribute should remove the key: %v", updated.Attributes)
	}
	if *updated.Email != *first.Email {
		t.Fatalf("an absent field changed: %v", *updated.Email)
	}

	deleted, err := client.Contacts.Delete(ctx, first.ID)
	if err != nil || !deleted.Deleted || deleted.ID != first.ID {
		t.Fatalf("delete: %v %+v", err, deleted)
	}
	_, err = client.Contacts.Retrieve(ctx, first.ID)
	var nf *sabnode.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("retrieve after delete: want NotFoundError, got %v", err)
	}

	// with updated_since, the deleted contact comes back as a tombstone
	tomb, err := client.Contacts.List(ctx, &sabnode.ContactsListParams{Tag: sabnode.Ptr(tag), UpdatedSince: sabnode.Ptr(first.CreatedAt.Add(-time.Second))})
	if err != nil {
		t.Fatalf("list updated_since: %v", err)
	}
	tombstones := 0
	for item, err := range tomb.All(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if item.DeletedContact != nil {
			tombstones++
			if item.DeletedContact.ID != first.ID {
				t.Fatalf("unexpected tombstone %s", item.DeletedContact.ID)
			}
		}
	}
	if tombstones != 1 {
		t.Fatalf("tombstones: %d, want 1", tombstones)
	}
}

func countPath(r *recorder, method, path string) int {
	n := 0
	for _, e := range r.exchanges() {
		if e.method == method && e.path == path {
			n++
		}
	}
	return n
}

// A proxy that forwards the first POST, lets the API answer it, then drops the connection without passing the
// answer on: the client must retry with the same Idempotency-Key and get the first answer, not a second contact.
func TestRetriedPostCreatesOneContact(t *testing.T) {
	ctx := testCtx(t, 60*time.Second)
	var mu sync.Mutex
	var keys []string
	var replayed []string
	dropped := false
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		req, _ := http.NewRequestWithContext(r.Context(), r.Method, apiURL+r.URL.RequestURI(), bytes.NewReader(body))
		req.Header = r.Header.Clone()
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		answer, _ := io.ReadAll(resp.Body)
		mu.Lock()
		drop := r.Method == http.MethodPost && !dropped
		if r.Method == http.MethodPost {
			keys = append(keys, r.Header.Get("Idempotency-Key"))
			replayed = append(replayed, resp.Header.Get("Idempotent-Replayed"))
		}
		if drop {
			dropped = true
		}
		mu.Unlock()
		if drop {
			conn, _, err := http.NewResponseController(w).Hijack()
			if err == nil {
				conn.Close()
			}
			return
		}
		for k, vs := range resp.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(resp.StatusCode)
		_, _ = w.Write(answer)
	}))
	defer proxy.Close()

	client := sabnode.NewClient(apiKey, sabnode.WithBaseURL(proxy.URL), sabnode.WithBackoff(50*time.Millisecond, 200*time.Millisecond))
	email := fmt.Sprintf("retry-%s@example.com", nonce())
	c, err := client.Contacts.Create(ctx, sabnode.ContactCreate{Email: sabnode.Ptr(email)})
	if err != nil {
		t.Fatalf("create through the dropping proxy: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(keys) != 2 || keys[0] == "" || keys[0] != keys[1] {
		t.Fatalf("want two attempts with one Idempotency-Key, got %q", keys)
	}
	if replayed[0] != "" || replayed[1] != "true" {
		t.Fatalf("the retry should be answered from the first attempt (Idempotent-Replayed), got %q", replayed)
	}
	list, err := newClient(apiKey).Contacts.List(ctx, &sabnode.ContactsListParams{Email: sabnode.Ptr(email)})
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Data) != 1 || list.Data[0].Contact == nil || list.Data[0].Contact.ID != c.ID {
		t.Fatalf("want exactly the one contact %s with %s, got %d", c.ID, email, len(list.Data))
	}
}

func TestRateLimitedCallsWaitForRetryAfter(t *testing.T) {
	ctx := testCtx(t, 60*time.Second)
	rec := &recorder{}
	client := newClient(rateLimitedKey, sabnode.WithHTTPClient(&http.Client{Transport: rec}), sabnode.WithMaxRetries(5))
	for i := range 6 {
		if _, err := client.Contacts.List(ctx, &sabnode.ContactsListParams{Limit: sabnode.Ptr(int64(1))}); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	log := rec.exchanges()
	limited := 0
	for i, e := range log {
		if e.status != http.StatusTooManyRequests {
			continue
		}
		limited++
		var secs int
		if _, err := fmt.Sscanf(e.respHeader.Get("Retry-After"), "%d", &secs); err != nil || secs < 1 {
			t.Fatalf("a 429 without a usable Retry-After: %q", e.respHeader.Get("Retry-After"))
		}
		if i+1 >= len(log) {
			t.Fatalf("the 429 was not retried")
		}
		if waited := log[i+1].sent.Sub(e.answered); waited < time.Duration(secs)*time.Second-20*time.Millisecond {
			t.Fatalf("retried %s after a 429 with Retry-After %ds", waited, secs)
		}
	}
	if limited == 0 {
		t.Fatalf("6 calls on a 2 req/s budget met no 429 (%d exchanges)", len(log))
	}

	// without retries the 429 surfaces as a RateLimitError carrying Retry-After
	strict := newClient(rateLimitedKey, sabnode.WithMaxRetries(0))
	var rl *sabnode.RateLimitError
	for range 10 {
		_, err := strict.Contacts.List(ctx, nil)
		if errors.As(err, &rl) {
			break
		} else if err != nil {
			t.Fatalf("want a RateLimitError, got %v", err)
		}
	}
	if rl == nil || rl.StatusCode != 429 || rl.Code != "rate_limited" || rl.RetryAfter < time.Second || rl.RequestID == "" {
		t.Fatalf("RateLimitError: %+v", rl)
	}
}

func TestTypedErrors(t *testing.T) {
	ctx := testCtx(t, 60*time.Second)
	rec := &recorder{}
	client := newClient(apiKey, sabnode.WithHTTPClient(&http.Client{Transport: rec}))

	// 400, with field errors
	_, err := client.Contacts.Create(ctx, sabnode.ContactCreate{Phone: sabnode.Ptr("12345")})
	var bad *sabnode.BadRequestError
	if !errors.As(err, &bad) || bad.StatusCode != 400 || bad.Code == "" || bad.RequestID == "" || len(bad.Errors) == 0 || bad.Errors[0].Pointer != "/phone" {
		t.Fatalf("400: %#v", err)
	}
	_, err = client.Contacts.List(ctx, &sabnode.ContactsListParams{Limit: sabnode.Ptr(int64(0))})
	if !errors.As(err, &bad) || len(bad.Errors) == 0 || bad.Errors[0].Pointer != "/query/limit" {
		t.Fatalf("400 on a query parameter: %v", err)
	}

	// 401
	_, err = newClient("sk_test_not_a_real_key").Contacts.List(ctx, nil)
	var unauth *sabnode.AuthenticationError
	if !errors.As(err, &unauth) || unauth.StatusCode != 401 {
		t.Fatalf("401: %v", err)
	}

	// 403: a contacts:read key cannot write
	_, err = newClient(readOnlyKey).Contacts.Create(ctx, sabnode.ContactCreate{Email: sabnode.Ptr("ro-" + nonce() + "@example.com")})
	var forbidden *sabnode.PermissionDeniedError
	if !errors.As(err, &forbidden) || forbidden.StatusCode != 403 || forbidden.Problem == nil || !slices.Contains(forbidden.Problem.MissingScopes, "contacts:write") {
		t.Fatalf("403: %v", err)
	}

	// 404, not retried
	before := len(rec.exchanges())
	_, err = client.Contacts.Retrieve(ctx, "ctc_"+strings.Repeat("0", 26))
	var nf *sabnode.NotFoundError
	if !errors.As(err, &nf) || nf.StatusCode != 404 || nf.Code == "" || nf.RequestID == "" || !strings.HasSuffix(nf.Type, "/"+nf.Code) {
		t.Fatalf("404: %v", err)
	}
	if n := len(rec.exchanges()) - before; n != 1 {
		t.Fatalf("a 404 was sent %d times; 4xx must not be retried", n)
	}
	var apiErr *sabnode.APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 404 {
		t.Fatalf("a NotFoundError is an APIError too: %v", err)
	}

	// 409: one Idempotency-Key for two different requests
	key := "go-reuse-" + nonce()
	if _, err := client.Contacts.Create(ctx, sabnode.ContactCreate{Email: sabnode.Ptr("a-" + key + "@example.com")}, sabnode.WithIdempotencyKey(key)); err != nil {
		t.Fatal(err)
	}
	_, err = client.Contacts.Create(ctx, sabnode.ContactCreate{Email: sabnode.Ptr("b-" + key + "@example.com")}, sabnode.WithIdempotencyKey(key))
	var conflict *sabnode.ConflictError
	if !errors.As(err, &conflict) || conflict.Code != "idempotency_key_reused" || len(conflict.Problem.Diff) == 0 || conflict.Problem.Diff[0].Pointer != "/email" {
		t.Fatalf("409: %v", err)
	}

	// 422: the phone is taken, and the problem names the contact that holds it
	phone := fmt.Sprintf("+9198%08d", time.Now().UnixNano()%100000000)
	holder, err := client.Contacts.Create(ctx, sabnode.ContactCreate{Phone: sabnode.Ptr(phone)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = client.Contacts.Create(ctx, sabnode.ContactCreate{Phone: sabnode.Ptr(phone)})
	var unprocessable *sabnode.UnprocessableEntityError
	if !errors.As(err, &unprocessable) || unprocessable.Code != "contact_phone_taken" || unprocessable.Problem.ExistingID == nil || *unprocessable.Problem.ExistingID != holder.ID {
		t.Fatalf("422: %v", err)
	}
}

// An SSE proxy that ends the first connection right after passing on its first message: the helper must
// reconnect with Last-Event-ID and go on with exactly the events after it.
func TestEventStreamResumesWithLastEventID(t *testing.T) {
	var mu sync.Mutex
	var lastEventIDs []string
	connected := make(chan struct{}, 4)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, _ := http.NewRequestWithContext(r.Context(), r.Method, apiURL+r.URL.RequestURI(), nil)
		req.Header = r.Header.Clone()
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
			return
		}
		defer resp.Body.Close()
		mu.Lock()
		lastEventIDs = append(lastEventIDs, r.Header.Get("Last-Event-ID"))
		firstConnection := len(lastEventIDs) == 1
		mu.Unlock()
		for k, vs := range resp.Header {
			w.Header()[k] = vs
		}
		w.WriteHeader(resp.StatusCode)
		flusher := w.(http.Flusher)
		flusher.Flush()
		connected <- struct{}{}
		br := bufio.NewReader(resp.Body)
		inMessage := false
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			_, _ = io.WriteString(w, line)
			flusher.Flush()
			if strings.HasPrefix(line, "data:") {
				inMessage = true
			}
			if line == "\n" && inMessage && firstConnection {
				return // drop the connection after the first whole message
			}
		}
	}))
	defer proxy.Close()
	// ends the stream (and so the proxy's handler) before the proxy closes
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	client := newClient(apiKey, sabnode.WithBaseURL(proxy.URL))
	type received struct {
		event sabnode.Event
		err   error
	}
	events := make(chan received, 16)
	go func() {
		for ev, err := range client.Events.Stream(ctx, &sabnode.EventsStreamParams{Types: []string{"contact.created"}}) {
			events <- received{ev, err}
			if err != nil {
				return
			}
		}
	}()
	select {
	case <-connected:
	case <-ctx.Done():
		t.Fatal("the stream did not connect")
	}

	direct := newClient(apiKey)
	var want []string
	for i := range 3 {
		c, err := direct.Contacts.Create(ctx, sabnode.ContactCreate{ExternalID: sabnode.Ptr(fmt.Sprintf("sse-%s-%d", nonce(), i))})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, c.ID)
	}
	var got []string
	var ids []string
	for len(got) < len(want) {
		select {
		case r := <-events:
			if r.err != nil {
				t.Fatalf("stream: %v", r.err)
			}
			if r.event.Type != "contact.created" || r.event.Data.Object.Contact == nil {
				t.Fatalf("unexpected event %s %s", r.event.Type, r.event.Data.Object.Raw)
			}
			got = append(got, r.event.Data.Object.Contact.ID)
			ids = append(ids, r.event.ID)
		case <-time.After(30 * time.Second):
			t.Fatalf("received %v of %v", got, want)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("events for %v, want %v (none missed, none repeated, in order)", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(lastEventIDs) < 2 || lastEventIDs[0] != "" || lastEventIDs[1] != ids[0] {
		t.Fatalf("want a reconnect with Last-Event-ID %s, connections sent %q", ids[0], lastEventIDs)
	}
}

type delivery struct {
	header http.Header
	body   []byte
}

func TestWebhookVerification(t *testing.T) {
	ctx := testCtx(t, 90*time.Second)
	deliveries := make(chan delivery, 16)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		deliveries <- delivery{r.Header.Clone(), body}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer receiver.Close()
	next := func(want string) delivery {
		t.Helper()
		for {
			select {
			case d := <-deliveries:
				if strings.Contains(string(d.body), want) {
					return d
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("no delivery of %s arrived", want)
			}
		}
	}

	client := newClient(apiKey)
	ep, err := client.WebhookEndpoints.Create(ctx, sabnode.WebhookEndpointCreate{URL: receiver.URL + "/hooks", EventTypes: []string{"order.paid"}, Description: sabnode.Value("sdk-go test")})
	if err != nil {
		t.Fatalf("create endpoint: %v", err)
	}
	// a first answer shows the secret; a replay of its Idempotency-Key would answer null
	if ep.Secret == nil || !strings.HasPrefix(*ep.Secret, "whsec_") {
		t.Fatalf("secret: %v", ep.Secret)
	}
	epSecret := *ep.Secret
	sent, err := client.WebhookEndpoints.Test(ctx, ep.ID)
	if err != nil {
		t.Fatalf("test delivery: %v", err)
	}
	d := next(sent.EventID)

	wh, err := sabnode.NewWebhook(epSecret)
	if err != nil {
		t.Fatal(err)
	}
	if err := wh.Verify(d.header, d.body); err != nil {
		t.Fatalf("a real delivery does not verify: %v", err)
	}
	var ev sabnode.Event
	if err := json.Unmarshal(d.body, &ev); err != nil {
		t.Fatal(err)
	}
	if ev.ID != sent.EventID || ev.Type != "webhook.test" || ev.Data.Object.WebhookTestObject == nil || ev.Data.Object.WebhookTestObject.EndpointID != ep.ID {
		t.Fatalf("delivered event: %s", d.body)
	}

	// tampered body, wrong secret, stale timestamp
	tampered := bytes.Replace(d.body, []byte("webhook.test"), []byte("webhook.tost"), 1)
	if err := wh.Verify(d.header, tampered); !errors.Is(err, sabnode.ErrWebhookSignature) {
		t.Fatalf("a tampered body verified: %v", err)
	}
	other, _ := sabnode.NewWebhook("whsec_" + "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0")
	if err := other.Verify(d.header, d.body); !errors.Is(err, sabnode.ErrWebhookSignature) {
		t.Fatalf("another secret verified: %v", err)
	}
	late, _ := sabnode.NewWebhook(epSecret)
	late.Now = func() time.Time { return time.Now().Add(6 * time.Minute) }
	if err := late.Verify(d.header, d.body); !errors.Is(err, sabnode.ErrWebhookSignature) {
		t.Fatalf("a 6-minute-old delivery verified: %v", err)
	}

	// rotation with overlap: deliveries carry both signatures, each secret verifies
	rotated, err := client.WebhookEndpoints.RotateSecret(ctx, ep.ID, &sabnode.WebhookSecretRotate{OverlapSeconds: sabnode.Ptr(int64(3600))})
	if err != nil {
		t.Fatalf("rotate: %v", err)
	}
	if rotated.Secret == nil || *rotated.Secret == epSecret || rotated.SecretRotationEndsAt == nil {
		t.Fatalf("rotation: %+v", rotated)
	}
	rotatedSecret := *rotated.Secret
	sent, err = client.WebhookEndpoints.Test(ctx, ep.ID)
	if err != nil {
		t.Fatal(err)
	}
	d = next(sent.EventID)
	if n := len(strings.Fields(d.header.Get("webhook-signature"))); n != 2 {
		t.Fatalf("during the overlap want 2 signatures, got %d", n)
	}
	for _, secrets := range [][]string{{rotatedSecret}, {epSecret}, {rotatedSecret, epSecret}} {
		w, _ := sabnode.NewWebhook(secrets...)
		if err := w.Verify(d.header, d.body); err != nil {
			t.Fatalf("during the overlap %d secret(s) should verify: %v", len(secrets), err)
		}
	}

	// rotation without overlap: the old secret no longer verifies
	final, err := client.WebhookEndpoints.RotateSecret(ctx, ep.ID, &sabnode.WebhookSecretRotate{OverlapSeconds: sabnode.Ptr(int64(0))})
	if err != nil {
		t.Fatal(err)
	}
	if final.Secret == nil {
		t.Fatalf("rotation without overlap shows no secret: %+v", final)
	}
	sent, err = client.WebhookEndpoints.Test(ctx, ep.ID)
	if err != nil {
		t.Fatal(err)
	}
	d = next(sent.EventID)
	fresh, _ := sabnode.NewWebhook(*final.Secret)
	if err := fresh.Verify(d.header, d.body); err != nil {
		t.Fatalf("the new secret: %v", err)
	}
	stale, _ := sabnode.NewWebhook(rotatedSecret)
	if err := stale.Verify(d.header, d.body); !errors.Is(err, sabnode.ErrWebhookSignature) {
		t.Fatalf("the replaced secret still verifies: %v", err)
	}
	if _, err := client.WebhookEndpoints.Delete(ctx, ep.ID); err != nil {
		t.Fatal(err)
	}
}

func TestBulkUpsertTypedResults(t *testing.T) {
	ctx := testCtx(t, 60*time.Second)
	client := newClient(apiKey)
	run := nonce()
	res, err := client.Contacts.BulkUpsert(ctx, sabnode.ContactsBulkUpsert{Items: []sabnode.ContactUpsertItem{
		{ExternalID: sabnode.Ptr("bulk-" + run + "-a"), FirstName: sabnode.Ptr("A")},
		{Phone: sabnode.Ptr("not-a-phone")},
		{ExternalID: sabnode.Ptr("bulk-" + run + "-b")},
	}})
	if err != nil {
		t.Fatalf("bulk upsert: %v", err)
	}
	var results []sabnode.BulkItemResult
	switch {
	case res.BulkJobWithResults != nil:
		if res.StatusCode != 200 {
			t.Fatalf("results with status %d", res.StatusCode)
		}
		results = res.BulkJobWithResults.Results
	case res.BulkJob != nil:
		job, err := client.WaitForBulkJob(ctx, res.BulkJob.ID, 200*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		page, err := client.BulkJobs.ListResults(ctx, job.ID, nil)
		if err != nil {
			t.Fatal(err)
		}
		for r, err := range page.All(ctx) {
			if err != nil {
				t.Fatal(err)
			}
			results = append(results, r)
		}
	default:
		t.Fatalf("neither variant set: %+v", res)
	}
	if len(results) != 3 {
		t.Fatalf("want 3 results, got %d", len(results))
	}
	if results[0].Status != 201 || results[0].ID == nil || results[2].Status != 201 {
		t.Fatalf("created items: %+v %+v", results[0], results[2])
	}
	if results[1].Status != 400 || results[1].Error == nil || results[1].Error.Code != "invalid_request" || results[1].ID != nil {
		t.Fatalf("the invalid item: %+v", results[1])
	}
	c, err := client.Contacts.Retrieve(ctx, *results[0].ID)
	if err != nil || c.ExternalID == nil || *c.ExternalID != "bulk-"+run+"-a" {
		t.Fatalf("the upserted contact: %v %+v", err, c)
	}
}

func TestFileUploadAndDownload(t *testing.T) {
	ctx := testCtx(t, 60*time.Second)
	client := newClient(apiKey)
	content := []byte("hello from the Go SDK " + nonce() + "\n")
	f, err := client.Files.Create(ctx, sabnode.FileUpload{File: bytes.NewReader(content), FileFilename: "hello.txt", Purpose: sabnode.Ptr("contact_import")})
	if err != nil {
		t.Fatalf("upload: %v", err)
	}
	if f.Filename != "hello.txt" || f.Size != int64(len(content)) || f.Purpose == nil || *f.Purpose != "contact_import" {
		t.Fatalf("uploaded file: %+v", f)
	}
	dl, err := client.Files.Download(ctx, f.ID, nil)
	if err != nil {
		t.Fatalf("download: %v", err)
	}
	got, err := io.ReadAll(dl.Body)
	dl.Body.Close()
	if err != nil || !bytes.Equal(got, content) || dl.StatusCode != 200 {
		t.Fatalf("downloaded %d %q (%v), want %q", dl.StatusCode, got, err, content)
	}
	part, err := client.Files.Download(ctx, f.ID, &sabnode.FilesDownloadParams{Range: sabnode.Ptr("bytes=0-4")})
	if err != nil {
		t.Fatal(err)
	}
	head, _ := io.ReadAll(part.Body)
	part.Body.Close()
	if part.StatusCode != 206 || string(head) != "hello" {
		t.Fatalf("range: %d %q", part.StatusCode, head)
	}
}

// A request body that is a union (MessageCreate) is sent as the variant that is set, its constant filled in.
func TestMessagesUnionBodies(t *testing.T) {
	ctx := testCtx(t, 60*time.Second)
	client := newClient(apiKey)
	run := nonce()
	ch, err := client.Channels.Create(ctx, sabnode.ChannelCreate{Name: "go " + run, Provider: "sandbox"})
	if err != nil {
		t.Fatalf("channel: %v", err)
	}
	contact, err := client.Contacts.Create(ctx, sabnode.ContactCreate{Phone: sabnode.Ptr(fmt.Sprintf("+9197%08d", time.Now().UnixNano()%100000000))})
	if err != nil {
		t.Fatal(err)
	}
	conv, err := client.Conversations.Create(ctx, sabnode.ConversationCreate{ContactID: contact.ID, ChannelID: ch.ID})
	if err != nil {
		t.Fatalf("conversation: %v", err)
	}
	tpl, err := client.Templates.Create(ctx, sabnode.TemplateCreate{Name: "go_" + run, Language: "en", Category: sabnode.TemplateCategoryUtility, Body: "Hi {{1}}, order {{2}} ships today."})
	if err != nil {
		t.Fatalf("template: %v", err)
	}
	if tpl.ParametersCount != 2 {
		t.Fatalf("parameters_count %d", tpl.ParametersCount)
	}
	msg, err := client.Messages.Create(ctx, conv.ID, sabnode.MessageCreate{MessageCreateTemplate: &sabnode.MessageCreateTemplate{TemplateID: tpl.ID, Parameters: []string{"Asha", "A-1"}}})
	if err != nil {
		t.Fatalf("template message: %v", err)
	}
	if msg.Type != "template" || msg.TemplateID == nil || *msg.TemplateID != tpl.ID || !slices.Equal(msg.Parameters, []string{"Asha", "A-1"}) || msg.Direction != "outbound" {
		t.Fatalf("message: %+v", msg)
	}
	// free text needs an open service window, which a new conversation does not have
	_, err = client.Messages.Create(ctx, conv.ID, sabnode.MessageCreate{MessageCreateText: &sabnode.MessageCreateText{Text: "Hello?"}})
	var unprocessable *sabnode.UnprocessableEntityError
	if !errors.As(err, &unprocessable) || unprocessable.Code != "outside_service_window" {
		t.Fatalf("a text message outside the service window: %v", err)
	}
	page, err := client.Messages.List(ctx, conv.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Data) != 1 || page.Data[0].ID != msg.ID {
		t.Fatalf("messages of the conversation: %d", len(page.Data))
	}
}
