package sabnode

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"strconv"
	"strings"
	"time"
)

// Ptr returns a pointer to v, for the optional fields of request bodies and parameters.
func Ptr[T any](v T) *T { return &v }

// Nullable is an optional field that may also be sent as JSON null: its zero value is left out of the request,
// Null sends null (clearing the field) and Value sends a value.
type Nullable[T any] struct {
	value T
	valid bool
	set   bool
}

// Value is a Nullable holding v.
func Value[T any](v T) Nullable[T] { return Nullable[T]{value: v, valid: true, set: true} }

// Null is a Nullable sent as JSON null.
func Null[T any]() Nullable[T] { return Nullable[T]{set: true} }

// IsZero reports whether the field is absent (then it is not sent).
func (n Nullable[T]) IsZero() bool { return !n.set }

// IsNull reports whether the field is present and null.
func (n Nullable[T]) IsNull() bool { return n.set && !n.valid }

// Get returns the value and whether there is one (false when absent or null).
func (n Nullable[T]) Get() (T, bool) { return n.value, n.valid }

// MarshalJSON writes the value, or null.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.valid {
		return []byte("null"), nil
	}
	return json.Marshal(n.value)
}

// UnmarshalJSON reads a value or null.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error {
	n.set = true
	if bytes.Equal(bytes.TrimSpace(b), []byte("null")) {
		var zero T
		n.value, n.valid = zero, false
		return nil
	}
	n.valid = true
	return json.Unmarshal(b, &n.value)
}

// formValue renders a path, query, header or form value.
func formValue[T any](v T) string {
	switch x := any(v).(type) {
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	default:
		return fmt.Sprint(v)
	}
}

func joinValues[T any](vs []T, sep string) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = formValue(v)
	}
	return strings.Join(parts, sep)
}

func writeFilePart(w *multipart.Writer, field, filename string, r io.Reader) error {
	if filename == "" {
		filename = "file"
	}
	part, err := w.CreateFormFile(field, filename)
	if err != nil {
		return err
	}
	_, err = io.Copy(part, r)
	return err
}

// variantTest tells one variant of a union apart: the properties it requires and the constants it holds.
type variantTest struct {
	required []string
	consts   map[string]string
}

// matchVariant gives the index of the first variant the JSON object satisfies, or -1.
func matchVariant(b []byte, tests []variantTest) int {
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(b, &probe); err != nil {
		return -1
	}
next:
	for i, t := range tests {
		for _, r := range t.required {
			if _, ok := probe[r]; !ok {
				continue next
			}
		}
		for k, want := range t.consts {
			got, ok := probe[k]
			if !ok {
				continue
			}
			var compact bytes.Buffer
			if json.Compact(&compact, got) != nil || compact.String() != want {
				continue next
			}
		}
		return i
	}
	return -1
}
