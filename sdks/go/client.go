package sabnode

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Defaults of a Client; each has an Option.
const (
	DefaultTimeout       = 60 * time.Second
	DefaultMaxRetries    = 3
	DefaultMaxRetryAfter = 60 * time.Second
	defaultBackoffBase   = 500 * time.Millisecond
	defaultBackoffMax    = 8 * time.Second
)

// Client calls the SabNode API. Its resource fields (client.Contacts, client.WebhookEndpoints, …) hold the
// operations. A Client is safe for concurrent use.
type Client struct {
	services

	apiKey        string
	baseURL       string
	apiVersion    string
	httpClient    *http.Client
	timeout       time.Duration
	maxRetries    int
	maxRetryAfter time.Duration
	backoffBase   time.Duration
	backoffMax    time.Duration
	userAgent     string
}

// Option configures a Client.
type Option func(*Client)

// WithBaseURL sets the API's address (default DefaultBaseURL, or SABNODE_API_URL when set).
func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = strings.TrimRight(u, "/") } }

// WithAPIVersion overrides the Api-Version sent (default APIVersion, the version this SDK was generated from).
func WithAPIVersion(v string) Option { return func(c *Client) { c.apiVersion = v } }

// WithHTTPClient sets the http.Client used (its Timeout should be 0: WithTimeout bounds each attempt).
func WithHTTPClient(h *http.Client) Option { return func(c *Client) { c.httpClient = h } }

// WithTimeout bounds each attempt (default DefaultTimeout); for streams and downloads, until the response head.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.timeout = d } }

// WithMaxRetries sets how many times a failed call is retried (default DefaultMaxRetries; 0 disables retries).
func WithMaxRetries(n int) Option { return func(c *Client) { c.maxRetries = n } }

// WithMaxRetryAfter caps the Retry-After the client waits for; a longer one is returned as the error instead.
func WithMaxRetryAfter(d time.Duration) Option { return func(c *Client) { c.maxRetryAfter = d } }

// WithBackoff sets the exponential backoff (full jitter) between retries that have no Retry-After.
func WithBackoff(base, max time.Duration) Option {
	return func(c *Client) { c.backoffBase, c.backoffMax = base, max }
}

// NewClient returns a Client authenticating with apiKey (SABNODE_API_KEY when empty).
func NewClient(apiKey string, opts ...Option) *Client {
	if apiKey == "" {
		apiKey = os.Getenv("SABNODE_API_KEY")
	}
	base := os.Getenv("SABNODE_API_URL")
	if base == "" {
		base = DefaultBaseURL
	}
	c := &Client{
		apiKey:        apiKey,
		baseURL:       strings.TrimRight(base, "/"),
		apiVersion:    APIVersion,
		httpClient:    &http.Client{},
		timeout:       DefaultTimeout,
		maxRetries:    DefaultMaxRetries,
		maxRetryAfter: DefaultMaxRetryAfter,
		backoffBase:   defaultBackoffBase,
		backoffMax:    defaultBackoffMax,
		userAgent:     "sabnode-go/" + APIVersion,
	}
	for _, o := range opts {
		o(c)
	}
	c.initServices()
	return c
}

// RequestOption configures one call.
type RequestOption func(*requestConfig)

type requestConfig struct {
	idempotencyKey string
	apiVersion     string
	header         http.Header
	maxRetries     *int
	timeout        *time.Duration
}

// WithIdempotencyKey sets the Idempotency-Key of a POST, PATCH or DELETE (by default each call gets a fresh
// random key, reused across its retries).
func WithIdempotencyKey(key string) RequestOption {
	return func(r *requestConfig) { r.idempotencyKey = key }
}

// WithRequestAPIVersion overrides the Api-Version of one call.
func WithRequestAPIVersion(v string) RequestOption {
	return func(r *requestConfig) { r.apiVersion = v }
}

// WithHeader adds a header to one call.
func WithHeader(name, value string) RequestOption {
	return func(r *requestConfig) { r.header.Add(name, value) }
}

// WithRequestMaxRetries overrides the client's maximum retries for one call.
func WithRequestMaxRetries(n int) RequestOption { return func(r *requestConfig) { r.maxRetries = &n } }

// WithRequestTimeout overrides the client's per-attempt timeout for one call.
func WithRequestTimeout(d time.Duration) RequestOption {
	return func(r *requestConfig) { r.timeout = &d }
}

// request is one operation's HTTP request, as the generated methods describe it.
type request struct {
	method    string
	path      string
	query     url.Values
	header    http.Header
	jsonBody  any
	multipart func(*multipart.Writer) error
	// accept is the media type asked for (application/json when empty)
	accept string
}

func newRequest(method, path string) *request {
	return &request{method: method, path: path, query: url.Values{}, header: http.Header{}}
}

// do sends the request (with retries) and decodes a JSON answer into out; it returns the status code.
func (c *Client) do(ctx context.Context, r *request, opts []RequestOption, out any) (int, error) {
	resp, body, err := c.send(ctx, r, opts, false)
	if err != nil {
		return 0, err
	}
	if out != nil && len(bytes.TrimSpace(body)) > 0 {
		if err := json.Unmarshal(body, out); err != nil {
			return resp.StatusCode, fmt.Errorf("sabnode: decoding the %d answer of %s %s: %w", resp.StatusCode, r.method, r.path, err)
		}
	}
	return resp.StatusCode, nil
}

// BinaryResponse is a streamed (non-JSON) answer, such as a file's content.
type BinaryResponse struct {
	StatusCode    int
	Header        http.Header
	ContentType   string
	ContentLength int64
	// Body is the content; the caller closes it. Empty for 304 Not Modified.
	Body io.ReadCloser
}

func (c *Client) doBinary(ctx context.Context, r *request, opts []RequestOption) (*BinaryResponse, error) {
	resp, _, err := c.send(ctx, r, opts, true)
	if err != nil {
		return nil, err
	}
	return &BinaryResponse{StatusCode: resp.StatusCode, Header: resp.Header, ContentType: resp.Header.Get("Content-Type"), ContentLength: resp.ContentLength, Body: resp.Body}, nil
}

func idempotent(method string) bool {
	return method == http.MethodPost || method == http.MethodPatch || method == http.MethodDelete
}

func newIdempotencyKey() string {
	b := make([]byte, 16)
	_, _ = crand.Read(b)
	return "sdk-go-" + hex.EncodeToString(b)
}

// send runs the request's attempts. With stream, a successful answer's body is left open for the caller;
// otherwise it is read whole and returned.
func (c *Client) send(ctx context.Context, r *request, opts []RequestOption, stream bool) (*http.Response, []byte, error) {
	cfg := requestConfig{apiVersion: c.apiVersion, header: http.Header{}}
	for _, o := range opts {
		o(&cfg)
	}
	maxRetries, timeout := c.maxRetries, c.timeout
	if cfg.maxRetries != nil {
		maxRetries = *cfg.maxRetries
	}
	if cfg.timeout != nil {
		timeout = *cfg.timeout
	}

	var payload []byte
	contentType := ""
	switch {
	case r.multipart != nil:
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		if err := r.multipart(w); err != nil {
			return nil, nil, fmt.Errorf("sabnode: writing the multipart body: %w", err)
		}
		if err := w.Close(); err != nil {
			return nil, nil, err
		}
		payload, contentType = buf.Bytes(), w.FormDataContentType()
	case r.jsonBody != nil:
		b, err := json.Marshal(r.jsonBody)
		if err != nil {
			return nil, nil, fmt.Errorf("sabnode: encoding the request body: %w", err)
		}
		payload, contentType = b, "application/json"
	}
	key := cfg.idempotencyKey
	if key == "" && idempotent(r.method) {
		key = newIdempotencyKey()
	}
	target := c.baseURL + r.path
	if len(r.query) > 0 {
		target += "?" + r.query.Encode()
	}

	for attempt := 0; ; attempt++ {
		resp, body, err := c.attempt(ctx, r, &cfg, target, payload, contentType, key, timeout, stream)
		if err == nil {
			return resp, body, nil
		}
		if ctx.Err() != nil {
			return nil, nil, &ConnectionError{Err: ctx.Err()}
		}
		wait, retry := c.retryDelay(err, attempt)
		if !retry || attempt >= maxRetries {
			return nil, nil, err
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil, nil, &ConnectionError{Err: ctx.Err()}
		case <-t.C:
		}
	}
}

func (c *Client) attempt(ctx context.Context, r *request, cfg *requestConfig, target string, payload []byte, contentType, key string, timeout time.Duration, stream bool) (*http.Response, []byte, error) {
	actx, cancel := context.WithCancel(ctx)
	timer := time.AfterFunc(timeout, cancel)
	done := func() {
		timer.Stop()
		cancel()
	}
	var body io.Reader
	if payload != nil {
		body = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(actx, r.method, target, body)
	if err != nil {
		done()
		return nil, nil, err
	}
	for k, vs := range r.header {
		req.Header[k] = vs
	}
	for k, vs := range cfg.header {
		req.Header[k] = vs
	}
	req.Header.Set("Authorization", "Bearer "+c.apiKey)
	req.Header.Set("Api-Version", cfg.apiVersion)
	req.Header.Set("User-Agent", c.userAgent)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	if req.Header.Get("Accept") == "" {
		accept := r.accept
		if accept == "" {
			accept = "application/json"
		}
		req.Header.Set("Accept", accept)
	}

	resp, err := c.httpClient.Do(req)
	if err != nil {
		timedOut := actx.Err() != nil && ctx.Err() == nil
		done()
		if timedOut {
			return nil, nil, &ConnectionError{Err: fmt.Errorf("no answer within %s: %w", timeout, context.DeadlineExceeded)}
		}
		return nil, nil, &ConnectionError{Err: err}
	}
	if resp.StatusCode < 400 && stream {
		timer.Stop()
		resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
		return resp, nil, nil
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	timedOut := actx.Err() != nil && ctx.Err() == nil
	done()
	if err != nil {
		if timedOut {
			err = fmt.Errorf("answer not read within %s: %w", timeout, context.DeadlineExceeded)
		}
		return nil, nil, &ConnectionError{Err: err}
	}
	if resp.StatusCode >= 400 {
		return nil, nil, newAPIError(resp, data)
	}
	return resp, data, nil
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// retryDelay says whether err may be retried and after how long: connection errors, 429, 5xx and
// 409 idempotency_in_progress are; Retry-After is honoured, and one beyond maxRetryAfter is not waited for.
func (c *Client) retryDelay(err error, attempt int) (time.Duration, bool) {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		retryable := apiErr.StatusCode == http.StatusTooManyRequests || apiErr.StatusCode >= 500 ||
			(apiErr.StatusCode == http.StatusConflict && apiErr.Code == "idempotency_in_progress")
		if !retryable {
			return 0, false
		}
		if apiErr.RetryAfter > 0 {
			if apiErr.RetryAfter > c.maxRetryAfter {
				return 0, false
			}
			return apiErr.RetryAfter, true
		}
		return c.backoff(attempt), true
	}
	var connErr *ConnectionError
	if errors.As(err, &connErr) {
		return c.backoff(attempt), true
	}
	return 0, false
}

// backoff is exponential with full jitter: a uniform wait in [0, min(max, base·2^attempt)].
func (c *Client) backoff(attempt int) time.Duration {
	ceiling := c.backoffBase << min(attempt, 20)
	if ceiling > c.backoffMax || ceiling <= 0 {
		ceiling = c.backoffMax
	}
	if ceiling <= 0 {
		return 0
	}
	return time.Duration(rand.Int64N(int64(ceiling) + 1))
}

// parseRetryAfter reads delta-seconds or an HTTP date.
func parseRetryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.ParseFloat(v, 64); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}
