package sabnode

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
	"time"
)

// defaultReconnect is the wait before reconnecting a dropped stream until the server sends its own `retry:`.
const defaultReconnect = 2 * time.Second

// sseMessage is one Server-Sent Events message.
type sseMessage struct {
	id, event, data string
}

// streamEvents opens a text/event-stream and yields each message's data decoded as T. When the connection drops
// or the server ends the stream, it reconnects after the server's `retry:` delay with Last-Event-ID set to the
// last id received, so no message is missed or repeated. Errors that a retry cannot cure (a 4xx, or retries
// exhausted) are yielded and end the iteration; ctx ends it quietly.
func streamEvents[T any](ctx context.Context, c *Client, r *request, opts []RequestOption) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		lastID := r.header.Get("Last-Event-ID")
		reconnect := defaultReconnect
		for {
			if lastID != "" {
				r.header.Set("Last-Event-ID", lastID)
				r.query.Del("last_event_id")
			}
			resp, _, err := c.send(ctx, r, opts, true)
			if err != nil {
				if ctx.Err() == nil {
					yield(zero, err)
				}
				return
			}
			stop := false
			readErr := readSSE(resp.Body, func(m sseMessage) bool {
				if m.id != "" {
					lastID = m.id
				}
				if m.data == "" {
					return true
				}
				var v T
				if err := json.Unmarshal([]byte(m.data), &v); err != nil {
					stop = true
					yield(zero, fmt.Errorf("sabnode: decoding stream message %q: %w", m.id, err))
					return false
				}
				if !yield(v, nil) {
					stop = true
					return false
				}
				return true
			}, func(d time.Duration) { reconnect = d })
			resp.Body.Close()
			if stop || ctx.Err() != nil {
				return
			}
			_ = readErr // a dropped connection or a closed stream: reconnect
			t := time.NewTimer(reconnect)
			select {
			case <-ctx.Done():
				t.Stop()
				return
			case <-t.C:
			}
		}
	}
}

// readSSE parses the event-stream format (https://html.spec.whatwg.org/multipage/server-sent-events.html),
// calling onMessage for each dispatched message until it returns false or the body ends.
func readSSE(body io.Reader, onMessage func(sseMessage) bool, onRetry func(time.Duration)) error {
	br := bufio.NewReaderSize(body, 64*1024)
	var m sseMessage
	var data strings.Builder
	hasData := false
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			if errors.Is(err, io.EOF) {
				return io.ErrUnexpectedEOF
			}
			return err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if hasData {
				m.data = data.String()
				if !onMessage(m) {
					return nil
				}
			} else if m.id != "" {
				onMessage(sseMessage{id: m.id})
			}
			m, hasData = sseMessage{}, false
			data.Reset()
			continue
		}
		if strings.HasPrefix(line, ":") {
			continue
		}
		field, value, _ := strings.Cut(line, ":")
		value = strings.TrimPrefix(value, " ")
		switch field {
		case "id":
			if !strings.ContainsRune(value, 0) {
				m.id = value
			}
		case "event":
			m.event = value
		case "data":
			if hasData {
				data.WriteByte('\n')
			}
			data.WriteString(value)
			hasData = true
		case "retry":
			if ms, err := strconv.Atoi(value); err == nil && ms >= 0 {
				onRetry(time.Duration(ms) * time.Millisecond)
			}
		}
	}
}
