package sabnode

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// DefaultWebhookTolerance is how far webhook-timestamp may be from now.
const DefaultWebhookTolerance = 5 * time.Minute

// ErrWebhookSignature is wrapped by every verification failure.
var ErrWebhookSignature = errors.New("sabnode: webhook verification failed")

// Webhook verifies deliveries signed per Standard Webhooks: `webhook-signature: v1,<base64 HMAC-SHA256 of
// "{webhook-id}.{webhook-timestamp}.{body}">`, possibly several space-separated signatures while a secret
// rotates.
type Webhook struct {
	keys [][]byte
	// Tolerance bounds the distance between webhook-timestamp and Now (DefaultWebhookTolerance).
	Tolerance time.Duration
	// Now is the clock (time.Now).
	Now func() time.Time
}

// NewWebhook takes the endpoint's secret (`whsec_…`); pass the new and the previous secret while rotating and a
// delivery signed with either verifies.
func NewWebhook(secrets ...string) (*Webhook, error) {
	if len(secrets) == 0 {
		return nil, errors.New("sabnode: a webhook secret is required")
	}
	w := &Webhook{Tolerance: DefaultWebhookTolerance, Now: time.Now}
	for _, s := range secrets {
		key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(s, "whsec_"))
		if err != nil || len(key) == 0 {
			return nil, fmt.Errorf("sabnode: a webhook secret is whsec_ followed by base64: %w", err)
		}
		w.keys = append(w.keys, key)
	}
	return w, nil
}

// Verify checks a delivery's headers and raw body (as received, before any JSON parsing). It returns an error
// wrapping ErrWebhookSignature when a header is missing, the timestamp is outside the tolerance, or no
// signature matches.
func (w *Webhook) Verify(header http.Header, body []byte) error {
	id, ts, sigs := header.Get("webhook-id"), header.Get("webhook-timestamp"), header.Get("webhook-signature")
	if id == "" || ts == "" || sigs == "" {
		return fmt.Errorf("%w: missing webhook-id, webhook-timestamp or webhook-signature", ErrWebhookSignature)
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: webhook-timestamp is not Unix seconds", ErrWebhookSignature)
	}
	now := time.Now
	if w.Now != nil {
		now = w.Now
	}
	tolerance := w.Tolerance
	if tolerance <= 0 {
		tolerance = DefaultWebhookTolerance
	}
	if d := now().Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: webhook-timestamp is %s away from now", ErrWebhookSignature, d.Round(time.Second))
	}
	signed := []byte(id + "." + ts + "." + string(body))
	for _, key := range w.keys {
		mac := hmac.New(sha256.New, key)
		mac.Write(signed)
		want := mac.Sum(nil)
		for _, sig := range strings.Fields(sigs) {
			version, value, ok := strings.Cut(sig, ",")
			if !ok || version != "v1" {
				continue
			}
			got, err := base64.StdEncoding.DecodeString(value)
			if err == nil && hmac.Equal(got, want) {
				return nil
			}
		}
	}
	return fmt.Errorf("%w: no signature matches", ErrWebhookSignature)
}
