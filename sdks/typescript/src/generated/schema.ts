// Generated from openapi.yaml by scripts/sdk/typescript.ts (npm run sdk:generate:typescript). Do not edit.
export interface paths {
    "/v1/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contacts
         * @description Newest first by `created_at` (default) or `updated_at`. With `updated_since`, deleted contacts
         *     appear as tombstones (`"deleted": true`) so that a sync sees deletes.
         */
        get: operations["listContacts"];
        put?: never;
        /**
         * Create a contact
         * @description `phone` and `external_id` are unique among the workspace's live contacts; a duplicate is
         *     `422` with code `contact_phone_taken` or `contact_external_id_taken` and the existing
         *     contact's id in `existing_id`. `attributes` must fit the workspace's contact attribute definitions
         *     (`GET /v1/contact-attributes`), and keys without one are refused when the workspace's
         *     `allow_undefined_attributes` is off: either is `422 invalid_attributes` with an error per key at
         *     `/attributes/<key>` (codes `invalid_type`, `invalid_date`, `invalid_option`, `undefined_attribute`).
         *     Emits `contact.created`.
         */
        post: operations["createContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search contacts
         * @description Live contacts (never deleted ones) that match `filter_groups`, newest first by `created_at` (default) or
         *     `updated_at`, cursor-paginated like `GET /v1/contacts` and without a cap on the number of results. A read:
         *     it answers from the database and takes no `Idempotency-Key`.
         *
         *     **Groups and filters.** A contact matches when it matches **any** group (OR); it matches a group when it
         *     matches **every** filter of the group (AND). Up to 5 groups of up to 10 filters; `in` takes up to 100
         *     `values`. A filter is `{field, operator, value}`, or `{field, operator: in, values: [...]}`, or
         *     `{field, operator: exists | not_exists}` (no value).
         *
         *     | field | operators | values |
         *     |---|---|---|
         *     | `phone` | `eq` `neq` `in` `exists` `not_exists` | international phone numbers, compared in E.164 |
         *     | `email` | `eq` `neq` `in` `exists` `not_exists` | compared case-insensitively |
         *     | `external_id` | `eq` `neq` `in` `prefix` `exists` `not_exists` | exact, case-sensitive |
         *     | `first_name`, `last_name` | `eq` `neq` `prefix` `exists` `not_exists` | compared case-insensitively |
         *     | `tags` | `contains` `not_contains` `in` (carries any of) `exists` (any tag) `not_exists` (no tag) | tag names, case-insensitive |
         *     | `created_at`, `updated_at` | `gt` `gte` `lt` `lte` | RFC 3339 date-times |
         *     | `opted_in_at`, `opted_out_at` | `gt` `gte` `lt` `lte` `exists` `not_exists` | RFC 3339 date-times |
         *     | `opt_in_status` | `eq` `neq` `in` | `opted_in` (opted in, not opted out since), `opted_out` (opted out since the last opt-in, if any), `none` (neither recorded) |
         *     | `attributes.<key>` | `eq` `neq` `in` `exists` `not_exists` `prefix` `gt` `gte` `lt` `lte` | `eq`/`neq`/`in` compare type and value (`"5"` is not `5`); `prefix` matches string values; `gt`…`lte` compare numbers and match number values only |
         *
         *     `neq` and `not_contains` are the negation of `eq` and `contains`: they also match contacts without the
         *     field. `prefix` is a case-insensitive "starts with" on names and a case-sensitive one on `external_id` and
         *     attributes.
         *
         *     **Personal data.** Comparing the value of a personal field (`phone`, `email`, `first_name`, `last_name`,
         *     `external_id`, `attributes.*`) needs `pii:read` (`403 insufficient_scope` otherwise), since the answer tells
         *     whether such a person exists; `exists` and `not_exists` show only what masked results show and need no more
         *     than `contacts:read`. An attribute whose key is defined with `personal: false` (`POST /v1/contact-attributes`)
         *     is no personal field: its values are shown to `contacts:read` and compared with it alone. Attributes without a
         *     definition, and personal ones, need `pii:read`. Results are masked without `pii:read` exactly as in `GET /v1/contacts`.
         *
         *     **Errors.** A body off this shape is `400 invalid_request` with a pointer per problem (a 6th group is
         *     `/filter_groups`, a 101st value `/filter_groups/0/filters/2/values`). A body of this shape whose filters do not
         *     fit their fields is `422 invalid_search_filter`, with every problem at once in `errors`: an operator the field
         *     does not take (`invalid_operator`, at `…/operator`), a value of the wrong type or form (`invalid_value`, at
         *     `…/value` or `…/values/3`), a missing or extra value (`required`, `unexpected_value`) and an unknown field
         *     (`unknown_field`).
         *
         *     **Cursors.** `next_cursor` continues this search only: sent with other filters or another `sort` it is
         *     `400 invalid_cursor`. Filters that mean the same once normalised (a phone in another written form, a tag in
         *     another case) share cursors.
         *
         *     **Indexes.** Equality on attributes (`eq`, `in`), tags, phone, email, external id, name prefixes, opt-in
         *     dates and the sort columns are answered from indexes; `neq`, `not_*`, attribute ranges and prefixes filter
         *     the rows the other predicates (or the sort order) select.
         */
        post: operations["searchContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contact_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a contact
         * @description A deleted contact is `404 resource_missing`; so is a merged one, whose answer names the contact it was merged into in `merged_into`.
         */
        get: operations["retrieveContact"];
        put?: never;
        post?: never;
        /**
         * Delete a contact
         * @description Soft-deletes the contact; it stays visible as a tombstone to `updated_since` syncs. Emits `contact.deleted`.
         */
        delete: operations["deleteContact"];
        options?: never;
        head?: never;
        /**
         * Update a contact
         * @description Only the fields sent change; `null` clears a field. `attributes` merge key by key and a `null`
         *     value removes that key. The values set are checked as `POST /v1/contacts` checks them (`422
         *     invalid_attributes`, errors at `/attributes/<key>`); removing a key is always allowed. Emits
         *     `contact.updated` with `previous_attributes` when anything changed.
         */
        patch: operations["updateContact"];
        trace?: never;
    };
    "/v1/contacts/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create or update up to 1,000 contacts
         * @description Upserts each item of `items` (1–1,000; the body is at most 1 MB). An item is matched on the identifier its
         *     `match_on` names (`external_id`, `phone` or `email`; the item must carry it). Without `match_on` it is
         *     matched on `external_id` when it has one, otherwise on `phone`, otherwise on `email`. A live contact with
         *     that value is updated as `PATCH /v1/contacts/{id}` would update it (`200`, `contact.updated` when something
         *     changed), otherwise a contact is created as `POST /v1/contacts` would create it (`201`, `contact.created`).
         *
         *     **State an import carries.** `attributes` merge as `PATCH` merges them (`null` removes a key) and are checked
         *     against the workspace's contact attribute definitions as `PATCH` checks them: an item with a value that does
         *     not fit is `422 invalid_attributes` with errors at `/items/<index>/attributes/<key>`, and nothing of it is
         *     written. `tags` are
         *     added as `POST /v1/contacts/{id}/tags` adds them: a new tag is created (`tag.created`), every tag's
         *     `contact_count` counts the contact once, a tag the contact already carries is no change, and more than 100
         *     tags on one contact is `422 contact_tag_limit`. `opted_in_at` and `opted_out_at` are stored as given (an
         *     import states when consent was given or withdrawn; a time in the future is `400`), and `consent_source`
         *     records where (it needs one of the two). Each item is one change: one `contact.created`, or one
         *     `contact.updated` whose `previous_attributes` has every field it changed (`tags`, `attributes`,
         *     `opted_in_at`, `consent_source`, …), plus `tag.created` for each tag it created.
         *
         *     **Matches and conflicts.** `phone` and `external_id` are unique among live contacts, `email` is not. After the
         *     match, the item's other `phone` or `external_id` must not belong to another contact: such an item is
         *     `422 contact_phone_taken` / `contact_external_id_taken` with that contact's `id`, and nothing of it is
         *     written. So an item whose `email` is one contact's (A) and whose `phone` is another's (B) is, with
         *     `match_on: email`, `422 contact_phone_taken` with `id` B; with `match_on: phone` (or no `match_on` and no
         *     `external_id`) it updates B, which then shares the email with A (`200`). An email held by more than one
         *     live contact matches none of them: an item matched on `email` is then `422 contact_match_ambiguous`.
         *     An item naming a person being purged (by its match or any of its identifiers) is
         *     `409 subject_being_purged`; the rest of the request goes on.
         *
         *     **Per-item results.** The call answers `200` with one result per item in input order: `index`, `status`
         *     (`201`, `200`, or the `4xx` the single-item operation would have answered), `id` (the contact's, or with a
         *     uniqueness conflict the id of the contact that holds the value) and `error` (problem details whose
         *     `errors[].pointer` point into this request, such as `/items/17/phone`). An item that fails validation is
         *     `400 invalid_request`; a phone or external id held by another contact is `422 contact_phone_taken` /
         *     `contact_external_id_taken`.
         *
         *     **Duplicates in one request.** An item whose `phone` or `external_id` (or, matched on it, `email`) is already
         *     used by an earlier item of the same request is not applied: it is `422 duplicate_in_request`, with the pointer of the repeated field
         *     and the earlier item's index in `detail`. So every contact is written at most once per request, whatever
         *     the order the chunks run in.
         *
         *     **A request as a whole** that is not an object with an `items` array of 1–1,000 objects is `400` and
         *     applies nothing.
         *
         *     **Long jobs.** The items run as a bulk job (`blk_…`) in chunks of 250, each chunk one transaction that also
         *     records its items' results, so an item is applied exactly once even when a worker dies mid-job. If the job
         *     finishes within the synchronous bound (10 s by default) the answer is `200` with every result; otherwise
         *     `202` with the job (`Location: /v1/bulk-jobs/{id}`): poll `GET /v1/bulk-jobs/{id}` and read the results at
         *     `GET /v1/bulk-jobs/{id}/results`. A retry with the same `Idempotency-Key` answers `202` with the job while
         *     it runs and the stored `200` once it has finished (`Idempotent-Replayed: true`).
         *
         *     Bulk calls have their own rate-limit family, `bulk_write`, so an import does not spend the budget of
         *     single-contact writes.
         *
         *     In API version 2025-06-01 an item takes `name` instead of `first_name` and `last_name`, split at the first
         *     space as `POST /v1/contacts` splits it (a one-word name leaves `last_name` as it is); an item with
         *     `first_name` or `last_name` refuses the request with `400` pointing at the item (`/items/3/first_name`).
         */
        post: operations["bulkUpsertContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add or remove tags on up to 1,000 contacts
         * @description Each item names one live contact by exactly one of `contact_id`, `external_id` or `phone`, and the tags to
         *     `add` and/or `remove` (names are lower-cased, as in `POST /v1/contacts/{id}/tags`). An item is one change: the
         *     removals (every one of which the contact must carry, else `404 tag_not_on_contact`) and the additions (a tag
         *     already carried is no change; at most 100 tags, else `422 contact_tag_limit`) apply together and emit one
         *     `contact.updated` with `previous_attributes.tags`, plus `tag.created` for each new tag object. A contact
         *     that does not exist is `404 resource_missing` with the pointer of the reference. Results, duplicates
         *     (`422 duplicate_in_request` for a later item with the same reference), the `400` for a malformed request as a
         *     whole, the `202` bulk job past the synchronous bound and idempotency work exactly as in
         *     `POST /v1/contacts/bulk`. Rate-limit family `bulk_write`.
         */
        post: operations["bulkTagContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a template message to up to 1,000 contacts
         * @description A broadcast: each item sends one template message. An item names its recipient by exactly one of
         *     `contact_id` or `phone` (a live contact of the workspace, else `422 contact_not_found`), the `channel_id`
         *     to send on (per item, so one call may span channels; an unknown channel is `422 channel_not_found`), and the
         *     `template_id` with its `parameters`. Bulk messages are templates only: free-form text outside the 24-hour
         *     service window would be refused anyway, so send text with `POST /v1/conversations/{id}/messages`.
         *
         *     Each item uses the contact's open conversation on the channel, or opens one (`conversation.created`), then
         *     queues the message exactly as `POST /v1/conversations/{id}/messages` would: the same refusals (`422`
         *     `contact_opted_out`, `template_not_found`, `template_parameters_mismatch`, …) and the same events
         *     (`message.queued`, then `message.sent`, `message.delivered`, `message.read` from its delivery). A refused
         *     item opens no conversation. Every queued message is delivered exactly once, also when a worker dies
         *     mid-job or the request is resent: deliveries start from the job's stored results once every chunk has run.
         *     An item with `send_at` schedules its message exactly as `POST /v1/conversations/{id}/messages` does
         *     (`scheduled`, queued at `send_at`, cancellable; `422 send_at_out_of_range` at `/items/<i>/send_at`), and
         *     counts against the workspace's bound on scheduled messages.
         *
         *     Results (`201` with the message's `id`, or the `4xx`), duplicates (`422 duplicate_in_request` for a later
         *     item with the same recipient reference on the same channel), the `400` for a malformed request as a whole,
         *     the `202` bulk job past the synchronous bound and idempotency work exactly as in `POST /v1/contacts/bulk`.
         *     Rate-limit family `bulk_write`.
         */
        post: operations["bulkCreateMessages"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bulk-jobs/{bulk_job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bulk_job_id: components["parameters"]["BulkJobId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a bulk job
         * @description The job's progress. `processed` counts the items with a result; `status` is `completed` once every result is stored.
         */
        get: operations["retrieveBulkJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bulk-jobs/{bulk_job_id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                bulk_job_id: components["parameters"]["BulkJobId"];
            };
            cookie?: never;
        };
        /**
         * List a bulk job's per-item results
         * @description The results recorded so far, in input order (ascending `index`), with the usual opaque cursor.
         */
        get: operations["listBulkJobResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List templates
         * @description Newest first by `created_at` (default) or `updated_at`. With `updated_since`, deleted templates
         *     appear as tombstones (`"deleted": true`) so that a sync sees deletes. Callable with a publishable
         *     key and from browsers (CORS).
         */
        get: operations["listTemplates"];
        put?: never;
        /**
         * Create a template
         * @description `name` is unique among the workspace's live templates; a duplicate is `422` with code
         *     `template_name_taken` and the existing template's id in `existing_id`. The server derives
         *     `parameters_count` from the placeholders in `body`; placeholders that do not follow `parameter_format`
         *     (`{{1}}`, `{{2}}`, … without gaps, or `{{name}}`) are `422 template_component_invalid` on `/body` (error codes
         *     `invalid_placeholder`, `placeholders_not_sequential`). Components beside the body (a `header`, a `footer`,
         *     `buttons`) are checked against WhatsApp's rules the same way (`422 template_component_invalid` with a
         *     pointer). A new template is `pending` and goes to review (see `TemplateStatus`): the sandbox's, or the WhatsApp
         *     Business Account of the `whatsapp_cloud` channel in `channel_id`, to which it is submitted once the template is
         *     stored. Only an approved template can be sent. Emits `template.created`, then `template.approved` or
         *     `template.rejected` when the reviewer answers.
         */
        post: operations["createTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/templates/{template_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        /** Retrieve a template */
        get: operations["retrieveTemplate"];
        put?: never;
        post?: never;
        /**
         * Delete a template
         * @description Soft-deletes the template; its name is free again, and it stays visible as a tombstone to
         *     `updated_since` syncs. Emits `template.deleted`.
         */
        delete: operations["deleteTemplate"];
        options?: never;
        head?: never;
        /**
         * Update a template
         * @description Only the fields sent change. A new `body` recomputes `parameters_count`. A change to what the template says (anything but `name`) sends it back to review (`pending`, see `TemplateStatus`). Emits `template.updated`
         *     with `previous_attributes` when anything changed.
         */
        patch: operations["updateTemplate"];
        trace?: never;
    };
    "/v1/contact-attributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List contact attribute definitions
         * @description Newest first by `created_at` (default) or `updated_at`. With `updated_since`, deleted definitions
         *     appear as tombstones (`"deleted": true`) so that a sync sees deletes.
         */
        get: operations["listContactAttributes"];
        put?: never;
        /**
         * Define a contact attribute
         * @description Defines the type of one key of contacts' `attributes`. From then on every write that sets the key
         *     (`POST /v1/contacts`, `PATCH /v1/contacts/{id}`, the items of `POST /v1/contacts/bulk`, a flow's
         *     `update_contact` step) must give a value of that type, or it is `422 invalid_attributes` with an error at
         *     `/attributes/<key>`. Types: `string`, `number`, `boolean`, `date` (a calendar date, `YYYY-MM-DD`) and `enum`
         *     (one of `options`, compared exactly; an enum needs `options`, each option once, and no other type takes them:
         *     `422 contact_attribute_options_invalid` at `/options`). `key` is unique among the workspace's live definitions (a duplicate is
         *     `422 contact_attribute_key_taken` with the definition's id in `existing_id`).
         *
         *     Values live contacts already hold under the key must fit the new definition: if some do not, the
         *     definition is refused with `422 contact_attribute_values_mismatch`, whose `detail` counts them and names a
         *     few of their ids. Change or remove those values first.
         *
         *     `personal` (default `false`) says whether the values are personal data: masked without `pii:read` and
         *     compared in searches only with `pii:read`. A key that is defined and not personal is shown in clear and can be
         *     searched with `contacts:read` alone. Keys without a definition stay masked, as all attributes were before
         *     definitions existed. A privacy purge clears every attribute of the person's contacts, personal or not.
         */
        post: operations["createContactAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contact-attributes/{attribute_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attribute_id: components["parameters"]["ContactAttributeId"];
            };
            cookie?: never;
        };
        /** Retrieve a contact attribute definition */
        get: operations["retrieveContactAttribute"];
        put?: never;
        post?: never;
        /**
         * Delete a contact attribute definition
         * @description Soft-deletes the definition; its key is free to be defined again, and it stays visible as a tombstone to
         *     `updated_since` syncs. Contacts keep their values: the key becomes an undefined one (masked without
         *     `pii:read`, and writable only while the workspace's `allow_undefined_attributes` is on).
         */
        delete: operations["deleteContactAttribute"];
        options?: never;
        head?: never;
        /**
         * Update a contact attribute definition
         * @description Only the fields sent change; the key does not. A new `type` or new `options` must fit every value live
         *     contacts hold under the key, or the change is refused with `422 contact_attribute_values_mismatch` (nothing
         *     changes). Moving to `enum` needs `options`; moving away from it drops them (options that do not fit the type
         *     are `422 contact_attribute_options_invalid` at `/options`). `personal` takes effect at once on
         *     every read, event and webhook after the change.
         */
        patch: operations["updateContactAttribute"];
        trace?: never;
    };
    "/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List orders
         * @description Newest first by `created_at` (default) or `updated_at`. Orders are never deleted.
         */
        get: operations["listOrders"];
        put?: never;
        /**
         * Create an order
         * @description `contact_id` must name a live contact of the workspace, else `422` with code `contact_not_found`.
         *     The server computes each item's `amount` (`quantity × unit_price`), the `subtotal` and the
         *     `total` (no tax, discounts or shipping yet), all in integer minor units of `currency`. A new
         *     order is `pending`. Emits `order.created`.
         */
        post: operations["createOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/orders/{order_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        /** Retrieve an order */
        get: operations["retrieveOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update an order
         * @description Moves the order through its statuses and edits `metadata` (merged key by key; a `null` value
         *     removes that key). The statuses:
         *
         *     | from | may become |
         *     |---|---|
         *     | `pending` | `paid`, `cancelled` |
         *     | `paid` | `fulfilled`, `cancelled`, `refunded` |
         *     | `fulfilled` | `delivered`, `refunded` |
         *     | `delivered` | `refunded` |
         *     | `cancelled`, `refunded` | nothing (final) |
         *
         *     Any other move is `422` with code `order_invalid_transition`; `detail` names the statuses the
         *     order may move to and `allowed_statuses` lists them. Asking for the status the order already has
         *     changes nothing. Each move sets its timestamp (`paid_at`, `fulfilled_at`, `delivered_at`,
         *     `cancelled_at`, `refunded_at`) once.
         *
         *     Events: one per change, with `previous_attributes`. A status change emits `order.<new status>`
         *     (`order.paid`, `order.fulfilled`, `order.delivered`, `order.cancelled`, `order.refunded`), its
         *     `previous_attributes` holding the old `status`, the new timestamp's `null` and any `metadata`
         *     changed alongside; a change of `metadata` alone emits `order.updated`. Subscribe to `order.*`
         *     to see every change exactly once, in `sequence` order.
         */
        patch: operations["updateOrder"];
        trace?: never;
    };
    "/v1/contacts/{contact_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        /**
         * A contact's timeline
         * @description The contact's orders, messages and events (the contact's own `contact.*` events) in one stream, newest
         *     first by `created_at`, cursor-paginated like every list. Each item is the object itself; tell them apart
         *     by `object` (`order`, `message`, `event`). Needs `contacts:read`, `messages:read` and `orders:read`.
         */
        get: operations["listContactTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contact_id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge contacts into this one
         * @description Merges the contacts of `from` (1–10 live contacts of the workspace, none of them this one) into the path's
         *     contact, the survivor, in one transaction: all of it happens or none of it. Answers the survivor. Emits one
         *     `contact.merged` on the survivor, with `previous_attributes` (the survivor's fields the merge changed) and
         *     `merged_from` (the ids of `from`); no other event.
         *
         *     **What moves.** The merged contacts' conversations, messages, orders and flow runs now belong to the survivor
         *     (their `contact_id` changes and their `updated_at` moves, so `updated_since` syncs see them). A contact has
         *     at most one open conversation per channel: where the survivor already has one, the merged contacts' open
         *     conversations on that channel are closed; where it has none, the most recently updated one stays open.
         *
         *     **Whose values win.**
         *     - `phone`, `email`, `external_id`, `first_name`, `last_name`: the survivor keeps its own; a field it has not
         *       set takes the value of the first contact in `from` that has one.
         *     - `attributes`: keys of all the contacts are kept. When several have a key, `attributes: survivor` (the
         *       default) keeps the survivor's value, then that of the contact earliest in `from`; `attributes: newest` keeps
         *       the value of the most recently updated contact that has the key.
         *     - `tags`: the union (at most 100, else `422 contact_tag_limit`); tag counts follow.
         *     - Consent: the latest opt-in and the latest opt-out of all the contacts, with the `consent_source` of the
         *       contact whose consent changed last, so an opt-out recorded on any of them still holds.
         *
         *     **The merged contacts** become deleted tombstones that name the survivor in `merged_into`: `GET` on one is
         *     `404 resource_missing` with `merged_into`, and `updated_since` lists show it as `{id, object, deleted:
         *     true, merged_into}`. A tombstone keeps only its `phone` and `email` (never shown), so that a privacy purge
         *     naming them still finds the person: a purge of any contact of a merge (the survivor, a merged contact, or
         *     a phone or email any of them carried) covers them all. A contact being purged cannot be merged, either
         *     way (`409 subject_being_purged`).
         *
         *     A contact in `from` that is not a live contact of this workspace (unknown, deleted, already merged, another
         *     workspace's) is `422 contact_not_found` with a pointer per item (`/from/1`); the survivor itself in `from`
         *     is `422 contact_merge_into_self`.
         */
        post: operations["mergeContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contact_id}/opt-in": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a contact's opt-in to messages
         * @description Sets `opted_in_at`. A later opt-in lifts an earlier opt-out. Emits `contact.updated`. With `template_id`
         *     and `channel_id`, the same command also sends that template as the opt-in confirmation (in the contact's
         *     open conversation on the channel, opened if needed); a missing template or channel is `422` and then
         *     nothing is recorded.
         */
        post: operations["optInContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contact_id}/opt-out": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a contact's opt-out from messages
         * @description Sets `opted_out_at`; outbound messages to the contact are then `422 contact_opted_out` until a later opt-in. An inbound `STOP` does the same. Emits `contact.updated`.
         */
        post: operations["optOutContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List channels
         * @description Newest first by `created_at` (default) or `updated_at`. Channels cannot be deleted, so a sync with
         *     `updated_since` sees creates and changes only, never a tombstone.
         */
        get: operations["listChannels"];
        put?: never;
        /**
         * Create a channel
         * @description A channel connects a workspace to a messaging provider. `sandbox` behaves like the WhatsApp Business
         *     platform (24-hour service window, simulated delivery and read receipts); `http` POSTs each message to
         *     `url` as JSON (`id`, `to`, `type`, `text`, `template_id`, `parameters`, `file_id`, `media_link`, `interactive` as in the
         *     message), signed with the channel's `signing_secret` (returned once, here: a replay of the same `Idempotency-Key`
         *     answers `signing_secret: null`; it is stored encrypted under the key from `SABNODE_ENCRYPTION_KEY`, in clear in no stored
         *     idempotent response nor backup). The provider signs its calls to `/v1/channels/{channel_id}/inbound` and
         *     `/status` with the same secret. Emits `channel.created`.
         *
         *     `whatsapp_cloud` sends through Meta's WhatsApp Cloud API with the number and secrets in `whatsapp`:
         *     `POST {base_url}/{api_version}/{phone_number_id}/messages` with the access token as bearer; the answer's `wamid`
         *     becomes the message's `provider_message_id`. Text and template messages are sent (a template by its `name` and
         *     `language`, its parameters as the body's positional parameters). A `media` message's file is uploaded to the
         *     Cloud API (`POST {base_url}/{api_version}/{phone_number_id}/media`) once per channel and sent by the media id
         *     Meta answers, which later sends of the same file reuse until shortly before Meta drops it (29 days by default);
         *     the message type follows the file's `content_type`: `image` (`image/jpeg`, `image/png`; at most 5 MB), `video`
         *     (`video/mp4`; 16 MB), `audio` (`audio/mpeg`, `audio/mp4`, `audio/ogg`; 16 MB, sent without a caption) or
         *     `document` (`application/pdf`, `text/plain`; 100 MB, sent with its `filename`), its `text` the caption. A file
         *     of another type WhatsApp does not take (`image/gif`, `image/webp`, `video/quicktime`, `video/ogg`, `text/csv`)
         *     is `422 media_type_not_supported` and a larger file `422 media_too_large`, both at `/file_id`, when the message
         *     is created; a refused upload fails the message like a refused send. A `media` message by `media_url` is sent
         *     with the link (`{"link": …}`) as its `media_type`, which Meta fetches. An `interactive` message is sent as the
         *     Cloud API's `interactive` body (`button` with `reply` buttons, or `list`). The Cloud API's error codes decide: throttling
         *     (`130429`, `131056`, `4`, `80007`, …) and outages are retried with backoff, no sooner than a `Retry-After` it
         *     sends (at most 15 minutes); any other refusal fails the message at once with its `failure_code` (`131047` is
         *     `outside_customer_service_window`). The channel's `whatsapp.webhook_url` is the callback URL to give Meta, with
         *     the verify token this answer shows once (`verify_token`; `null` in a replay). The access token and the app
         *     secret are never shown again.
         *
         *     `url` follows the rules of webhook endpoint URLs: outside development mode it must be `https`; a host that is
         *     not public (a literal address in any spelling, IPv4-mapped, NAT64, 6to4 or Teredo forms of one, `localhost`,
         *     `*.local`, `*.internal`, one-label names) or credentials in the URL are `422 channel_url_not_allowed`. On the
         *     test side (a `sk_test_…` key) only `sandbox` channels can be made: any other provider is
         *     `422 test_mode_provider_not_allowed`. Host
         *     names are checked again on the address actually connected to at each send; a refused send fails the message
         *     with a `failure_reason` that names no address. Redirects are not followed.
         *
         *     Messages are handed to the provider in batches by one sender per channel, at most `rate_per_second` a second
         *     (1–1,000, default 80 like a new WhatsApp Business number) however many workers run, each hand-off with
         *     `idempotency-key: <message id>` (an `http` provider may see a message again after a crash, with the same key).
         *     A provider's refusal (a `4xx` other than `408`/`429`, a redirect) fails the message with a `failure_reason`;
         *     timeouts, `408`, `429` and `5xx` are retried with backoff, 8 attempts in all.
         */
        post: operations["createChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /** Retrieve a channel */
        get: operations["retrieveChannel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel_id}/inbound": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive an inbound message (provider callback)
         * @description Called by the channel's provider, signed with the channel's secret in `Sabnode-Signature`
         *     (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, at most 5 minutes old); the signature is
         *     checked over the bytes as sent before the body is parsed, so an unsigned body is `401` whatever it holds. Finds or creates
         *     the contact by phone, opens or reuses the conversation, opens the 24-hour service window and emits
         *     `message.received`. The same `provider_message_id` again is a replay: it is answered with the first
         *     response and changes nothing. `STOP` opts the contact out, `START` back in. A customer's tap on a reply button
         *     or list row is sent with its title as `text` and its id in `interactive_reply`.
         */
        post: operations["receiveInboundMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive a message status (provider callback)
         * @description Signed like `/inbound`. Moves an outbound message forward (`sent → delivered → read`, or `failed` before
         *     delivery) and emits `message.<status>`; late or repeated receipts change nothing.
         */
        post: operations["receiveMessageStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel_id}/whatsapp/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        /**
         * Answer the WhatsApp webhook verification (Meta's handshake)
         * @description The callback URL of a `whatsapp_cloud` channel (its `whatsapp.webhook_url`), as Meta's app dashboard checks it:
         *     `hub.mode=subscribe`, `hub.verify_token` equal to the channel's verify token and `hub.challenge` (printable,
         *     at most 256 characters) are answered `200 text/plain` with the challenge as it was sent. Anything else (another
         *     mode, a wrong token, a channel that is not `whatsapp_cloud` or does not exist) is
         *     `403 webhook_verification_failed`, alike, so a probe learns nothing. It needs no API key: the verify token is
         *     the proof.
         */
        get: operations["verifyWhatsAppWebhook"];
        put?: never;
        /**
         * Receive WhatsApp Cloud API notifications (provider callback)
         * @description Meta's notifications for a `whatsapp_cloud` channel, signed with the app secret in `X-Hub-Signature-256`
         *     (`sha256=<hex HMAC-SHA256 of the raw body>`). The signature is checked over the bytes as sent before the body is
         *     parsed: a missing or wrong one (or a channel that is not `whatsapp_cloud`) is `401 invalid_signature` whatever
         *     the body holds. A body that is not a notification envelope is `400`; a change inside it that is not in the
         *     documented shape is counted in `ignored`, not refused (Meta would send the whole notification again).
         *
         *     Each change is turned into what the platform already does with a provider's callbacks, in one transaction:
         *     a customer's message becomes an inbound message as `/inbound` makes it (contact found or created by phone,
         *     conversation opened or reused, service window opened, `message.received`; `STOP`/`START` set consent); its
         *     text is the message text, a reply button's or list row's title (its id in `interactive_reply`), or a media caption. A status (`sent`,
         *     `delivered`, `read`, `failed`) moves the outbound message with that `provider_message_id` as `/status` does
         *     (`message.<status>`), and stores the `pricing` it carries (`category`, `billable`, `pricing_model`); a failed
         *     status stores the Cloud API error's code mapped to ours in `failure_code`. Messages from a sender without a
         *     phone number, statuses of messages the platform did not send, changes of another phone number, unreadable
         *     changes and other change kinds (template status and quality updates) are counted in `ignored`.
         *
         *     A notification delivered again (the same bytes) is answered with the first response and changes nothing; the
         *     same customer message inside another notification is recognised by its `wamid` and stored once.
         */
        post: operations["receiveWhatsAppNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List conversations
         * @description Newest first by `created_at` (default) or `updated_at`, which moves when the conversation changes
         *     (status, assignee, a new inbound message). Conversations cannot be deleted through the API, so a sync with
         *     `updated_since` sees no tombstone: the only delete is a privacy purge, which erases the subject's
         *     conversations outright. A sync learns of it from the contact's tombstone in
         *     `GET /v1/contacts?updated_since=…` and drops that contact's conversations.
         */
        get: operations["listConversations"];
        put?: never;
        /**
         * Open a conversation
         * @description One open conversation per contact and channel; another is `422 conversation_already_open` with `existing_id`. Emits `conversation.created`.
         */
        post: operations["createConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conversations/{conversation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        /** Retrieve a conversation */
        get: operations["retrieveConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a conversation
         * @description Close or reopen it, or change its assignee. Emits `conversation.updated` with `previous_attributes`.
         */
        patch: operations["updateConversation"];
        trace?: never;
    };
    "/v1/conversations/{conversation_id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        /**
         * List a conversation's messages
         * @description Newest first by `created_at` (default) or `updated_at`, which moves with each status change (sent,
         *     delivered, read, failed). Messages cannot be deleted through the API, so a sync
         *     with `updated_since` sees no tombstone: the only delete is a privacy purge, which erases the subject's
         *     messages outright. A sync learns of it from the contact's tombstone in `GET /v1/contacts?updated_since=…`
         *     and drops that contact's messages. `text` and `parameters`
         *     are masked without `pii:read`. `GET /v1/messages` lists the whole workspace's messages.
         */
        get: operations["listConversationMessages"];
        put?: never;
        /**
         * Send a message
         * @description Queues a text, template, media or interactive message for delivery and answers `201` with it (`status: queued`);
         *     delivery runs as its own workflow: `message.sent`, `message.delivered`, `message.read`, or
         *     `message.failed` with `failure_reason`. Refused with `422`: a closed conversation
         *     (`conversation_closed`), an opted-out contact (`contact_opted_out`), free-form text on a sandbox
         *     channel outside the 24-hour window (`outside_service_window`), an unknown template (`template_not_found`)
         *     or file (`file_not_found`), a file a `whatsapp_cloud` channel cannot send (`media_type_not_supported`,
         *     `media_too_large`, at `/file_id`), a `media_url` that is not a public `https` link (`media_url_invalid`) or a
         *     `filename` for anything but a `document` (`media_link_invalid`, at `/filename`), a template not approved (`template_not_approved`, see `TemplateStatus`) or, on a
         *     `whatsapp_cloud` channel, reviewed for another business account, parameters that do not fit the template
         *     (`template_parameters_mismatch`: a positional template takes `parameters`, a named one `named_parameters`; a text
         *     header with a placeholder takes `header_parameter`, a media header `header_file_id`, a `url` button with a
         *     placeholder an entry of `button_parameters`; nothing is taken that the template has no place for).
         *     A template message's `text` is the template rendered with its parameters.
         *
         *     **Interactive.** `type: interactive` sends reply buttons (`interactive.type: button`: a body, an optional text
         *     header and footer, one to three buttons with an `id` and a `title`) or a list (`interactive.type: list`: a
         *     body, the label of the button that opens it, one to ten sections of rows with an `id`, a `title` and an
         *     optional `description`, at most ten rows in all), within WhatsApp's documented limits: the lengths and counts
         *     in the schema are `400`, and the rules across fields are `422 interactive_message_invalid` with the pointer of
         *     the field (ten rows across all sections, button titles and ids and row ids unique, a title for each section
         *     when there are several, no blank text). The message's `text` is the body text. It is free-form: on a sandbox
         *     channel only within the 24-hour service window, like text. A customer's tap on a button or row comes back as
         *     an inbound message whose `text` is the title chosen and whose `interactive_reply` names its `id`.
         *
         *     **Scheduled.** With `send_at` (from one minute to 35 days after the request, else
         *     `422 send_at_out_of_range` at `/send_at`) the message is stored `scheduled` with its `send_at`
         *     (`message.scheduled`) and nothing is handed to the provider yet. At `send_at` it is queued like any other
         *     (`message.queued`, then its delivery), after the same rules are checked again at that time: an opt-out, a
         *     closed conversation, a deleted contact or a service window that has lapsed by then fails it
         *     (`message.failed`, the error code as `failure_reason`). Free-form text on a sandbox channel may be
         *     scheduled only while the window as it stands is still open at `send_at` (else `422 outside_service_window`
         *     at `/send_at`). The wait is durable: restarts of the service do not lose or repeat it. Cancel it
         *     with `POST /v1/messages/{id}/cancel` until then. A workspace holds at most 10,000 scheduled messages
         *     waiting (by default; `422 scheduled_message_limit_reached` past it).
         */
        post: operations["createMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the workspace's messages
         * @description Every message of the workspace, across conversations, newest first by `created_at` (default) or
         *     `updated_at`, which moves with each status change (sent, delivered, read, failed). The filters combine (all
         *     must hold) and each is part of the cursor: send the same ones with `cursor`. Messages cannot be deleted through the API, so a sync
         *     with `updated_since` sees no tombstone: the only delete is a privacy purge, which erases the subject's
         *     messages outright. A sync learns of it from the contact's tombstone in `GET /v1/contacts?updated_since=…`
         *     and drops that contact's messages. `text` and `parameters`
         *     are masked without `pii:read`.
         */
        get: operations["listMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Retrieve message usage and costs
         * @description What the workspace's outbound messages cost, per UTC day: each message counts on the day it was handed to
         *     the provider (`sent_at`), or failed if it never was (`failed_at`), in `sent`, `delivered`, `read` and `failed`
         *     as far as it got, and in `billable` and `billable_by_category` when the provider's status notifications
         *     called it billable (the `pricing` of a `whatsapp_cloud` message; other providers report none). `totals` sums
         *     the range. Only the side (test or live) of the key is counted, like every read.
         *
         *     `from` and `to` are UTC days, both included; by default the 30 days ending today. A range spans at most 90
         *     days (`422 usage_range_invalid` with an error `range_too_long` at `/query/to`), and `from` after `to` is
         *     `422 usage_range_invalid` (`range_reversed` at `/query/from`). Every day of the range is answered, with zeros
         *     where nothing went out. `channel_id` counts one channel's messages, `broadcast_id` one broadcast's; an id that
         *     names nothing of the workspace counts nothing.
         */
        get: operations["retrieveUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{message_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        /** Retrieve a message */
        get: operations["retrieveMessage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages/{message_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a scheduled message
         * @description A `scheduled` message becomes `cancelled` (`message.cancelled`, with `cancelled_at`) and is never handed to
         *     the provider. A message that has left `scheduled` (queued at its `send_at`, or sent at once,
         *     or inbound) is `409 message_not_scheduled`; one already cancelled is `409 message_already_cancelled`. Like
         *     every mutation, a retry with the same `Idempotency-Key` replays the first answer.
         */
        post: operations["cancelMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contact_id}/tags": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add tags to a contact
         * @description Adds each tag the contact does not carry yet; a tag it already carries is left as it is (not an error), so
         *     sending the same list twice changes nothing the second time. Names are lower-cased (`VIP` is `vip`). A tag
         *     object is created on first use of its name. A contact carries at most 100 tags (`422 contact_tag_limit`).
         *     Answers with the contact. Emits `contact.updated` with `previous_attributes.tags` when the contact's tags
         *     changed, and `tag.created` for each new tag object.
         */
        post: operations["addContactTags"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contacts/{contact_id}/tags/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contact_id: components["parameters"]["ContactId"];
                /** @description The tag's name, case-insensitive. */
                tag: components["parameters"]["TagName"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a tag from a contact
         * @description Removes one tag (case-insensitive) and answers with the contact. A tag the contact does not carry is
         *     `404 tag_not_on_contact`, like deleting anything that is not there; a retry with the same Idempotency-Key
         *     replays the first answer instead. The tag object stays, with one contact fewer in `contact_count`. Emits
         *     `contact.updated` with `previous_attributes.tags`.
         */
        delete: operations["removeContactTag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tags
         * @description Newest first by `created_at` (default) or by `updated_at`, which moves whenever `contact_count` changes
         *     (so `sort=updated_at` lists the most recently used tags first). `contact_count` counts live contacts only;
         *     a tag whose contacts are all gone stays, with a count of 0. Tags are never deleted, so a sync with
         *     `updated_since` sees a tag's last contact leaving as an update to `contact_count: 0`, never a tombstone.
         */
        get: operations["listTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tags/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The tag's name, case-insensitive. */
                tag: components["parameters"]["TagName"];
            };
            cookie?: never;
        };
        /** Retrieve a tag by name */
        get: operations["retrieveTag"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List files
         * @description Newest first by `created_at` (default) or `updated_at`. With `updated_since`, deleted files appear
         *     as tombstones (`"deleted": true`) so that a sync sees deletes.
         */
        get: operations["listFiles"];
        put?: never;
        /**
         * Upload a file
         * @description A `multipart/form-data` body with one `file` part (which needs a `filename` in its
         *     `Content-Disposition`: up to 255 characters, no control characters) and an optional `purpose`
         *     field. The file is streamed to storage, at most 25 MiB (26214400 bytes); a larger one is `413`
         *     and nothing of it is kept.
         *
         *     The type is taken from the file's first bytes (JPEG, PNG, GIF, WebP, PDF, MP3, MP4/M4A/QuickTime,
         *     Ogg/Opus, UTF-8 plain text or CSV), not from its name. It must be one of the types listed for
         *     the `file` part below, and the part's own `Content-Type` must agree with it: otherwise `422
         *     file_type_not_allowed`. `application/octet-stream` declares nothing and lets the content decide;
         *     where the bytes cannot tell (CSV or plain text, audio or video MP4) the declared type is used. A
         *     part without a `Content-Type` counts as `text/plain` (RFC 7578).
         *
         *     With an `Idempotency-Key`, sending the same file (same bytes, name and purpose) again replays the
         *     first answer; different content under the same key is `409 idempotency_key_reused`. Emits
         *     `file.created`.
         */
        post: operations["createFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        /** Retrieve a file's metadata */
        get: operations["retrieveFile"];
        put?: never;
        post?: never;
        /**
         * Delete a file
         * @description Soft-deletes the file; it stays visible as a tombstone to `updated_since` syncs and its content can
         *     no longer be downloaded. The stored bytes are removed once no live file in any workspace has the
         *     same content, and its uploads to `whatsapp_cloud` channels are deleted at Meta (tried again for about
         *     a quarter of an hour when Meta is throttled or down; Meta itself drops an upload after 30 days).
         *     Emits `file.deleted`.
         */
        delete: operations["deleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{file_id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        /**
         * Download a file's content
         * @description The stored bytes, streamed, with the file's `content_type` and `Content-Disposition: attachment`.
         *     `ETag` is the quoted sha256 of the content, so `If-None-Match` answers `304` without a body. One
         *     byte range (`Range: bytes=0-99`, `bytes=100-`, or the last n bytes `bytes=-100`) answers `206`
         *     with `Content-Range`; a range that starts at or beyond the end is `416` with
         *     `Content-Range: bytes *\/<size>`. Several ranges in one header, another unit or an unparsable
         *     value are ignored (`200` with the whole content).
         */
        get: operations["downloadFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List events
         * @description Newest first. Objects inside events are shown in the caller's API version, with personal data masked without
         *     `pii:read`; an event whose object's family the key cannot read shows the stub `{id, object}` as its
         *     `data.object` (see "Events by scope").
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Check the API
         * @description Any valid key, secret or publishable, and no scope. `operational` means the API is up and serving
         *     (the key was just checked in the database); `/readyz` reports each dependency. Callable from browsers (CORS).
         */
        get: operations["retrieveStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream events (Server-Sent Events)
         * @description The workspace's events as they happen, as a `text/event-stream` (works with the browser's `EventSource` and
         *     any SSE client). Each message is
         *
         *     ```
         *     id: evt_…
         *     event: contact.updated
         *     data: {"id":"evt_…","object":"event","type":"contact.updated",…}
         *     ```
         *
         *     followed by a blank line. `data` is the event on one line, exactly as `GET /v1/events` shows it: in the
         *     caller's API version, with personal data masked without `pii:read` and objects of families the key cannot read
         *     reduced to `{id, object}`. With `pii_read_audit` on, an event that shows personal data in clear is sent only once
         *     its `pii.read` audit record has committed. The stream first sends `retry: 2000`
         *     (the reconnect delay) and then a comment line `: keep-alive` every 15 seconds, so idle connections stay up.
         *
         *     **Order and resuming.** Events arrive in the order their transactions are known to be finished, usually
         *     within a second of the change. To resume after a disconnect, send the `id` of the last message received as
         *     `Last-Event-ID` (`EventSource` does this by itself) or as `last_event_id`: the stream continues with exactly
         *     the events after it, none missed and none repeated, even when changes commit out of order. Without either,
         *     the stream starts at the moment of connecting. An id that is not one of the workspace's events is
         *     `400 last_event_id_unknown`; use ids received from this stream.
         *
         *     **Limits.** A key may hold 5 streams open at once, and a workspace 50 across its keys; one more is
         *     `429 stream_limit_reached` (with `Retry-After`). Rate-limit and
         *     version headers come with the response head. A stream ends when its key is revoked or expires, and when the
         *     server restarts (reconnect with `Last-Event-ID`).
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List event types
         * @description Every event type SabNode emits, each with the JSON Schema (2020-12, self-contained) of its webhook payload in
         *     every supported API version: the payloads described in this document's `webhooks` section, as an endpoint
         *     pinned to that version receives them. One page, in the order of this document.
         */
        get: operations["listEventTypes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook endpoints
         * @description Live endpoints, newest first by `created_at` (default) or `updated_at`. With `updated_since`, deleted
         *     endpoints appear as tombstones (`"deleted": true`) so that a sync sees deletes; an endpoint disabled after
         *     failing deliveries is an update (`enabled: false`, `disabled_reason`).
         */
        get: operations["listWebhookEndpoints"];
        put?: never;
        /**
         * Create a webhook endpoint
         * @description Registers a URL that receives the workspace's events as signed POSTs, following the Standard Webhooks
         *     specification: `webhook-id` (the delivery id, the same on every retry), `webhook-timestamp` (Unix seconds of the
         *     attempt) and `webhook-signature: v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{body}">`, keyed by
         *     the base64-decoded part of the secret after `whsec_`. The `secret` is returned once, here: a replay of the same
         *     `Idempotency-Key` (`Idempotent-Replayed: true`) answers the same endpoint with `secret: null`, and a lost secret
         *     can only be replaced (`POST /v1/webhook-endpoints/{endpoint_id}/rotate-secret`). The secret is generated by the
         *     API process and stored encrypted (AES-256-GCM under the key from `SABNODE_ENCRYPTION_KEY`), so it is in clear in no stored idempotent
         *     response, workflow history or backup.
         *
         *     A workspace has at most 20 live endpoints (the server's `WEBHOOK_ENDPOINTS_MAX`); one more is
         *     `422 webhook_endpoint_limit_reached` (delete one first; an endpoint can take any number of event types).
         *
         *     `event_types` selects events: exact types (`contact.updated`), family wildcards (`contact.*`) or `*` (every event
         *     except the `webhook_delivery.*` family, which must be named explicitly and is never sent to the endpoint it is
         *     about). Outside development mode the URL must be `https`; a literal IP address that is not public (loopback,
         *     private, link-local, CGNAT, multicast, reserved, cloud metadata, in any spelling: decimal, octal, hex or short
         *     IPv4, IPv4-mapped, IPv4-compatible, NAT64, 6to4 or Teredo IPv6), a local name (`localhost`, `*.local`,
         *     `*.internal`, one-label names) or credentials in the URL are `422 webhook_url_not_allowed`; host names are
         *     checked against the address actually connected to at delivery time. Emits `webhook_endpoint.created`.
         *
         *     **Personal data.** The endpoint holds the PII permission of the key that creates it (`pii_read`): deliveries
         *     show personal data in clear only when that key has `pii:read` and is still usable (not revoked or expired),
         *     and are masked as for a read without it otherwise. With `pii_read_audit` on, each attempt that carries
         *     personal data in clear writes a `pii.read` audit record (operation `deliverWebhook`, the key that gave the
         *     permission, `details` naming the endpoint, delivery, event and attempt) before it is sent.
         *
         *     **Versions.** `api_version` (default: the workspace's pinned version) shapes every payload sent to the endpoint,
         *     as responses are shaped for a request's `Api-Version`; each delivery names it in its `Api-Version` header and
         *     the signature covers the body as sent. `GET /v1/event-types` gives each payload's schema per version.
         */
        post: operations["createWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        /** Retrieve a webhook endpoint */
        get: operations["retrieveWebhookEndpoint"];
        put?: never;
        post?: never;
        /**
         * Delete a webhook endpoint
         * @description Stops all deliveries to the endpoint (pending retries end as `dead`). Emits `webhook_endpoint.deleted`.
         */
        delete: operations["deleteWebhookEndpoint"];
        options?: never;
        head?: never;
        /**
         * Update a webhook endpoint
         * @description Changes the URL, filter or description, or disables and re-enables the endpoint (`enabled: true` clears
         *     `disabled_reason` and the failure streak). Emits `webhook_endpoint.updated` with `previous_attributes`.
         *     Events that happen while an endpoint is disabled are not queued for it; deliveries already queued end as
         *     `dead` when their next attempt finds the endpoint disabled (replay them once it is enabled again).
         *     Every update sets `pii_read` to the updating key's permission: a key without `pii:read` that changes an
         *     endpoint (its URL, say) turns its deliveries to masked; a key with it turns them back to clear.
         */
        patch: operations["updateWebhookEndpoint"];
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description Issues a new secret (returned once, here; a replay of the same `Idempotency-Key` answers `secret: null`; stored
         *     encrypted, as at creation). For `overlap_seconds` (0 to 604800, default 86400) every delivery
         *     carries two signatures separated by one space, the new one first, so receivers can switch without losing a
         *     delivery. Emits `webhook_endpoint.updated`.
         */
        post: operations["rotateWebhookEndpointSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a test event
         * @description Emits a `webhook.test` event that is delivered to this endpoint only, whatever its `event_types`, sends its
         *     first attempt before answering and returns the delivery with that attempt in `attempts`: `status_code` and
         *     `duration_ms`, or `error` (`timeout`, `refused`, `address_not_allowed`, …). The attempt is a real delivery:
         *     signed, shaped for the endpoint's `api_version`, under every rule other deliveries follow (public addresses
         *     only, 5 s bound, no redirects, a workspace's bound on waiting deliveries). A failed first attempt is retried on
         *     the timetable like any delivery (follow it with `GET /v1/webhook-deliveries/{delivery_id}`); to a disabled
         *     endpoint nothing is sent and the delivery ends `dead` without attempts. A replay of the same `Idempotency-Key`
         *     answers the first outcome again and sends nothing.
         */
        post: operations["testWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver past deliveries
         * @description Redelivers this endpoint's deliveries created between `since` and `until` whose status is `failed` or `dead`
         *     (`status: all` takes every delivery). With `dry_run: true` only counts them (`200`). Otherwise answers `202`
         *     and a new run of the retry timetable starts for each (at most 1000 per call; narrow the window for more).
         *
         *     Replays are bounded per workspace: at most 5,000 deliveries per hour (the server's `WEBHOOK_REPLAYS_PER_HOUR`),
         *     counted over a fixed hourly window that starts with the first replay after the previous one ended, across this
         *     operation and `POST /v1/webhook-deliveries/{delivery_id}/replay`. A call takes at most what is left of the
         *     hour's budget (`count` says how many it took); once it is spent, replays answer
         *     `429 webhook_replay_limit_reached` with `Retry-After` (seconds until the window ends). A dry run is never
         *     counted nor refused. A replay that would leave more than the workspace's bound of waiting deliveries is
         *     `422 webhook_pending_limit_reached`.
         */
        post: operations["replayWebhookEndpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-endpoints/{endpoint_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        /** List an endpoint's deliveries */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: components["parameters"]["WebhookDeliveryId"];
            };
            cookie?: never;
        };
        /** Retrieve a delivery with its attempts */
        get: operations["retrieveWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-deliveries/{delivery_id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: components["parameters"]["WebhookDeliveryId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Redeliver one delivery
         * @description Starts the retry timetable again for this delivery (same `webhook-id`). A delivery still being retried is left
         *     as it is. Counts as one delivery of the workspace's hourly replay budget (see
         *     `POST /v1/webhook-endpoints/{endpoint_id}/replay`); once it is spent, `429 webhook_replay_limit_reached` with
         *     `Retry-After`. Past the workspace's bound of waiting deliveries, `422 webhook_pending_limit_reached`.
         */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Live (not revoked) keys, newest first by `created_at` (default) or `updated_at`. Never a secret;
         *     `secret_hint` shows its last four characters. With `updated_since`, revoked keys appear as tombstones
         *     (`"deleted": true`, revoked at `updated_at`) so that a sync sees revocations. `last_used_at` and
         *     `last_used_ip` change as the key is used without moving `updated_at`: a sync does not follow them.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Mints a key. The `secret` (`sk_…` or `pk_…`) is in this response only: it is generated by the API process and
         *     only its SHA-256 is stored, so it is in no log, no stored idempotent response and no workflow history. A replay
         *     of the same `Idempotency-Key` (`Idempotent-Replayed: true`) answers the same key with `secret: null`; a lost
         *     secret cannot be shown again: roll the key (`POST /v1/api-keys/{id}/roll`) for a new one.
         *
         *     `scopes` must be held by the calling key itself (`403 scope_not_grantable` with `missing_scopes` otherwise).
         *     A publishable key (`type: publishable`) carries at most the publishable scopes (`templates:read`, its default;
         *     `422 publishable_key_scope` otherwise) and may name the browser `allowed_origins` allowed to use it (a request
         *     whose `Origin` is not one of them is `403 origin_not_allowed`; absent: any origin). `allowed_ips` (IPv4 and
         *     IPv6 addresses or CIDRs) limits where the key may be used from: any other address is `403 ip_not_allowed`.
         *     `api_version` pins the version used when a request sends no `Api-Version` (default: the workspace's).
         *
         *     A key never mints a wider key than itself: when the calling key has an `expires_at`, the new key's must not be
         *     later (`422 api_key_outlives_caller` at `/expires_at`), and absent or `null` it is the calling key's; when the
         *     calling key has `allowed_ips`, each of the new key's CIDRs must lie within one of them
         *     (`422 api_key_allowlist_outside_caller`, a pointer `/allowed_ips/<n>` per CIDR outside), and absent or `null`
         *     they are the calling key's. Always audited (`api_key.created`).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{api_key_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                api_key_id: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve an API key
         * @description A live key, with when and from where it was last used (recorded at most once a minute). Never its secret.
         */
        get: operations["retrieveApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description The key (and a previous secret still in its roll overlap) stops working at once: `401 api_key_revoked`.
         *     A key may revoke itself. Only a key no wider than the calling key may be revoked: a key holding a scope the
         *     calling key lacks is `403 scope_not_grantable` (with `missing_scopes`), and one usable from an address outside
         *     the calling key's `allowed_ips` or after its `expires_at` (or without either, when the calling key has it) is
         *     `403 api_key_wider_than_caller`; both with `errors` at `/path/api_key_id`. Answers the revoked key as a
         *     tombstone. Always audited (`api_key.revoked`).
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{api_key_id}/roll": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                api_key_id: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Roll an API key's secret
         * @description Issues a new secret for the key (returned once, here; a replay answers `secret: null`). The old secret keeps
         *     working for `overlap_seconds` (0 to 604800, default 86400), so deployments can switch without an outage; a
         *     second roll within the overlap ends the oldest secret at once (at most two secrets work at any time). Only a
         *     key that holds every scope of the rolled key may roll it (`403 scope_not_grantable`), and only if the rolled
         *     key is usable from no address outside the calling key's `allowed_ips` and at no time after its `expires_at`
         *     (`403 api_key_wider_than_caller`), as for a revocation. Always audited (`api_key.rolled`).
         */
        post: operations["rollApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Retrieve the workspace's settings */
        get: operations["retrieveWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update the workspace's settings
         * @description `pii_read_audit: true` makes every response that shows personal data in clear (to a key with `pii:read`)
         *     write an audit record (`pii.read`: key, operation, object ids, the personal fields shown, client address,
         *     request id, time) before it is sent (on `GET /v1/events/stream`, as each event is sent); see
         *     `GET /v1/audit-logs`. `allow_undefined_attributes: false` makes contact writes refuse `attributes` keys that no
         *     contact attribute definition names (`422 invalid_attributes`, code `undefined_attribute`); keys contacts
         *     already hold stay. A change of a setting is itself audited (`workspace.updated`).
         */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
    "/v1/audit-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit records
         * @description Newest first. Actions: `pii.read` (written only while `pii_read_audit` is on), `api_key.created`,
         *     `api_key.rolled`, `api_key.revoked`, `workspace.updated` and the purge actions, which are always written in
         *     the transaction of the change, and `mcp.tool_called`, written before an MCP tool call runs. Records hold ids and field names, never the personal data itself.
         */
        get: operations["listAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List flows
         * @description Newest first by `created_at` (default) or `updated_at`; deleted flows are left out, except that with
         *     `updated_since` they appear as tombstones (`"deleted": true`) so that a sync sees deletes.
         */
        get: operations["listFlows"];
        put?: never;
        /**
         * Create a flow
         * @description A flow is a trigger and a list of steps, run once per contact. It starts `inactive` at `version` 1.
         *
         *     **Triggers** (`trigger.type`):
         *     - `manual`: runs start only through `POST /v1/flows/{flow_id}/runs`.
         *     - `event`: a committed event of `event_type` that concerns a contact (a contact's own events, or an
         *       object with a `contact_id` such as a message or an order) starts one run for that contact, at most
         *       once per (event, flow). The optional `filter` narrows it; every condition given must hold:
         *       `tag_added` (the event's `previous_attributes.tags` lacks the tag and the object's `tags` has it),
         *       `tag_removed` (the reverse), and `fields` (equality of `data.object` values, keys as dotted paths such
         *       as `status` or `attributes.plan`).
         *     - `inbound_message`: a received message whose text equals `keyword` (`match: exact`, the default) or
         *       contains it (`match: contains`), case-insensitively, starts a run for its contact.
         *
         *     Manual runs may be started for any active flow, whatever its trigger. Changes made by flow steps carry the
         *     run's id as their events' `request_id` and trigger no flow, so a flow cannot feed itself.
         *
         *     **Loops are bounded.** Every event carries its `cause` (the request, the flow run, the message whose receipt
         *     it is, the webhook delivery or the broadcast that wrote it) and a `depth`: 0 for your requests, and one more
         *     for each flow run in the chain (a run is one deeper than the event that triggered it; a message's receipts
         *     are as deep as what queued the message). An event triggers no flow when it is `depth` 3 or deeper, and
         *     never a flow whose own runs caused it, however indirectly (say, the `message.read` receipt of a message the
         *     flow sent). `flow_run.*` and `webhook_delivery.*` events cannot trigger flows: such a trigger is refused on
         *     create, update and activation with `422 flow_trigger_not_allowed` and the pointer `/trigger/event_type`.
         *     What comes back through a system of yours (a provider that echoes a flow's message as an inbound one, a
         *     server that answers an `http_request` by calling this API) is a new request at depth 0: such loops are
         *     bounded by the run budgets below.
         *
         *     **Run budgets.** Each flow may have at most 1,000 runs `running` and start at most 600 a minute; each
         *     workspace at most 5,000 running and 2,000 a minute (the operator's configuration may differ). A trigger past
         *     a budget starts no run and writes a `flow_run.throttled` event (a `flow_run_throttle` object naming the
         *     flow, the contact, the trigger event and the budget); a manual run past it is refused with
         *     `422 flow_run_limit_reached`.
         *
         *     **Scopes.** A flow acts with the rights of the key that writes or activates it: creating, updating and
         *     activating need, besides `flows:write`, every scope its steps use: `send_message` `messages:write`,
         *     `add_tag` and `remove_tag` `tags:write`, `update_contact` `contacts:write`, `branch` `contacts:read` (it
         *     reads the contact), and `http_request` `webhooks:write` (it calls a URL of yours, signed as webhooks are; it
         *     sends the contact's id, never its personal data, so it needs no `pii:read`). A key without them gets
         *     `403 insufficient_scope` with `missing_scopes` and a pointer to each step (`/steps/2`).
         *
         *     **Steps** run in order, each with an `id` unique in the flow; `branch` jumps to the steps named by `then`
         *     and `else`, `end` stops the run, and the run completes after its last step. Types: `send_message` (a
         *     template with the values a message takes for it: `parameters` or `named_parameters`, `header_parameter` or
         *     `header_file_id`, `button_parameters`; or `text`; on `channel_id`, in the contact's open conversation there
         *     or a new one), `wait` (`duration_seconds`, or `until` a time), `add_tag`, `remove_tag`, `update_contact`
         *     (`attributes`; a `null` removes a key), `http_request` (a signed POST, see below), `branch` (on a tag the
         *     contact carries, or a contact attribute equal to a value), `end`. A run executes at most 200 steps.
         *
         *     Checks beyond the schema answer `400 invalid_request` with a pointer per problem: duplicate step ids,
         *     `branch` targets that name no step, a `send_message` with both or neither of `template_id` and `text`, a
         *     `wait` with both or neither of `duration_seconds` and `until`. An `http_request` URL follows the rules of
         *     webhook endpoint URLs (`422 webhook_url_not_allowed`). A refused trigger type is
         *     `422 flow_trigger_not_allowed`, missing step scopes `403 insufficient_scope` (above).
         *
         *     **`http_request`** POSTs `{"flow_id", "flow_run_id", "step_id", "contact_id", "data"}` (`data` is the step's
         *     `body`) signed as webhooks are (Standard Webhooks: `webhook-id` is `<flow_run_id>.<step index>`, the same on
         *     a retry; `webhook-signature` keyed by this flow's `signing_secret`, shown once in this response: a replay of the
         *     same `Idempotency-Key` answers `signing_secret: null`; it is stored encrypted under the key from `SABNODE_ENCRYPTION_KEY`). A `2xx`
         *     answer completes the step; anything else fails the run.
         */
        post: operations["createFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{flow_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a flow
         * @description The flow with its current version's trigger and steps.
         */
        get: operations["retrieveFlow"];
        put?: never;
        post?: never;
        /**
         * Delete a flow
         * @description The flow stops triggering and disappears from lists; runs already started go on to their end.
         */
        delete: operations["deleteFlow"];
        options?: never;
        head?: never;
        /**
         * Update a flow
         * @description A change of `trigger` or `steps` writes a new version (`version` + 1); versions are kept unchanged, and
         *     runs already started go on with the version they started with. `name` alone changes no version. The
         *     definition is checked as on create (`400`); on an active flow the templates it names must exist (`422
         *     template_not_found`), as on activation. The key needs the scopes of the new steps (`403 insufficient_scope`),
         *     and a `flow_run.*` or `webhook_delivery.*` trigger is refused (`422 flow_trigger_not_allowed`).
         */
        patch: operations["updateFlow"];
        trace?: never;
    };
    "/v1/flows/{flow_id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a flow
         * @description Its trigger starts runs from events committed after this call, and manual runs may start. Every template a
         *     `send_message` step names must exist, else `422 template_not_found` with a pointer to the step, and the
         *     step's values must fill it as a message's would, else `422 template_parameters_mismatch` with a pointer into
         *     the step (`/steps/2/named_parameters`). The key must
         *     hold the scopes the steps use (`403 insufficient_scope`, see createFlow), and the trigger may not be a
         *     `flow_run.*` or `webhook_delivery.*` event (`422 flow_trigger_not_allowed`). Activating an active flow changes
         *     nothing.
         */
        post: operations["activateFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{flow_id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a flow
         * @description No new runs start; runs already started go on to their end (cancel them one by one to stop them).
         */
        post: operations["deactivateFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flows/{flow_id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a run of a flow
         * @description Starts the flow's current version for one contact and answers `202` with the run, `running`; follow it with
         *     `GET /v1/flow-runs/{flow_run_id}`. The flow must be active (`422 flow_not_active`) and the contact live
         *     (`422 contact_not_found`). A retry with the same Idempotency-Key starts nothing more. Emits
         *     `flow_run.started`, then `flow_run.completed`, `flow_run.failed` or `flow_run.cancelled`. Past a run budget
         *     of the flow or the workspace (running runs, or runs started in the last minute; see createFlow) the answer is
         *     `422 flow_run_limit_reached` and no run starts: try again with a new Idempotency-Key once runs have finished
         *     (the refusal is stored under its key like any answer, so the same key replays it).
         */
        post: operations["createFlowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flow-runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List flow runs
         * @description Newest first by `created_at` (default) or `updated_at`, without their step logs; `updated_at` moves when
         *     the run's status changes (completed, failed, cancelled). Runs are never deleted, so a sync with
         *     `updated_since` sees no tombstone: a cancelled run, or one ended by a privacy purge of its contact
         *     (`failed`, `failure_reason: subject_being_purged`), is an update; a deleted flow keeps its runs.
         */
        get: operations["listFlowRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flow-runs/{flow_run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_run_id: components["parameters"]["FlowRunId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a flow run
         * @description The run with its step-by-step log, in the order the steps ran.
         */
        get: operations["retrieveFlowRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/flow-runs/{flow_run_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_run_id: components["parameters"]["FlowRunId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a flow run
         * @description Marks a running run `cancelled` (emitting `flow_run.cancelled`) and cancels its workflow: a wait in progress
         *     ends, and no further step runs. A run that has already finished is `422 flow_run_finished`.
         */
        post: operations["cancelFlowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/purges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List purges
         * @description Newest first by `created_at` (default) or `updated_at`.
         */
        get: operations["listPrivacyPurges"];
        put?: never;
        /**
         * Purge a person's personal data
         * @description Names the subject by exactly one of `contact_id`, `phone` or `email`. The subject is every contact of the
         *     workspace with that id, phone or email (live or deleted), with every phone and email those contacts carry.
         *     A merge makes its contacts one person: the subject also takes in every contact merged into one of these and
         *     the contact each was merged into, until the merge group is whole (a merged contact's tombstone keeps its
         *     phone and email for this, so a purge naming them finds the survivor holding its data).
         *     A `phone` or `email` that no contact carries is still purged wherever it appears.
         *
         *     **Fence.** In the transaction that records the purge, the subject is fenced (by the keyed hashes of its
         *     contact ids, phones and emails): every write naming it is refused from then on with
         *     `409 subject_being_purged`, whether it comes from the API, a bulk item (that item's result; the rest of the
         *     bulk goes on), a flow run (its step and the run fail with reason `subject_being_purged`; a run still waiting is ended by the purge with that reason), a broadcast
         *     (the recipient is `skipped` with that reason) or an inbound message (refused with `409`; nothing of it is
         *     stored). A write in flight when the purge arrives commits first, and the purge then clears it. The fence is
         *     lifted when the live stores and the workflow histories are clear (the status becomes `waiting_for_backups`),
         *     so the person can be added again later as a new contact; a restored backup is purged again by the hashes.
         *
         *     **202 semantics.** The purge is recorded and answered `202` at once; its workflow then clears the stores in
         *     passes, in this order, until a whole pass clears nothing (each pass is recorded in `passes`, with what each
         *     store cleared). Each store is a stage of the resource that becomes `cleared` with its time and total count.
         *     If the fifth pass still clears something, the purge stops with status `failed` and stays fenced. The stores:
         *
         *     | stage | what happens to the subject's data |
         *     |---|---|
         *     | `flow_runs` | the subject's running flow runs end: `failed` with reason `subject_being_purged` (no `flow_run.failed` event: the subject's events are deleted) |
         *     | `scheduled_messages` | the subject's scheduled messages are `cancelled` with reason `subject_being_purged` before anything else, so none is sent during the purge (no `message.cancelled` event); the `conversations_and_messages` stage then deletes them |
         *     | `webhook_deliveries` | deliveries of the subject's events and their attempts are deleted; any attempt whose stored response names the subject loses its response body and headers |
         *     | `events` | events about the subject (by object or naming an identifier) are deleted |
         *     | `files` | files attached to the subject's messages (and to no other contact's) or named after an identifier: metadata deleted, bytes deleted unless another live file holds the same content |
         *     | `conversations_and_messages` | the subject's conversations and every message in them (inbound and outbound) are deleted |
         *     | `orders` | orders stay (amounts, items, status) but their `metadata`, the only place personal fields live, is emptied |
         *     | `bulk_job_items` | bulk items about the subject keep index, status and id; their input becomes `{"purged": true}` |
         *     | `idempotency_keys` | stored requests and responses naming the subject are forgotten (a retry runs anew) |
         *     | `tags` | the subject's tags are removed and tag counts lowered |
         *     | `audit_logs` | audit records stay (action, ids, field names); any detail naming an identifier becomes `{"redacted": true}` |
         *     | `contacts` | contacts are anonymised into deleted tombstones (id and timestamps only), so `updated_since` syncs see the delete |
         *
         *     Then the stages beyond PostgreSQL, once the passes are clean:
         *
         *     | stage | what happens to the subject's data |
         *     |---|---|
         *     | `temporal` | every workflow history of the workspace is searched for the identifiers (none should hold them: workflows carry ids only); one that does is deleted, and the search repeats until none is found |
         *     | `backups` | every backup taken before the live stores were clear is rewritten without the subject (`waiting` until all are; each at the latest by its `due_at`, within 90 days) |
         *
         *     Once the live stores are clear the purge forgets the identifiers: it keeps only keyed hashes (HMAC-SHA256
         *     with a per-workspace key), enough to recognise the same person in a later purge (`previously_purged`) and
         *     to purge a restored backup again, never enough to read them back. The request's identifier is not kept in
         *     the clear either, and a retry with the same `Idempotency-Key` replays the `202`.
         *
         *     An unknown `contact_id` is `404`. Purge actions are irreversible.
         */
        post: operations["createPrivacyPurge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/privacy/purges/{purge_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                purge_id: components["parameters"]["PurgeId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a purge (its certificate)
         * @description Each stage with its status, when it was cleared and what it cleared; the backups still pending with their due dates.
         */
        get: operations["retrievePrivacyPurge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environment-promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List environment promotions
         * @description Newest first, dry runs included. Promotions are never changed once made, so `updated_at` is `created_at`.
         */
        get: operations["listEnvironmentPromotions"];
        put?: never;
        /**
         * Promote configuration from test to live
         * @description Copies the test side's configuration to the live side, with a live key (a test key gets
         *     `403 live_key_required`): contact attribute definitions (matched by `key`), templates (by `name`),
         *     flows (by `name`) and webhook endpoints (by `url`), in that order, or the kinds `include` names. Each
         *     test object is created on the live side, or its live match is updated in the fields that differ, or left as
         *     it is (`unchanged`); nothing live is deleted. It runs as one command, exactly once per `Idempotency-Key`,
         *     through the same commands a REST call runs (so the live side gets the usual events): an item that is refused
         *     is `failed` with the refusal's `code`, the others go on.
         *
         *     - A flow's `send_message` steps name the live channel of the same name and the live template promoted
         *       from (or matching) the test one; a flow whose channel or template has no live counterpart is `skipped`
         *       with the reason. A promoted flow starts `inactive`, with a signing secret of its own.
         *     - No secret leaves the test side: a promoted webhook endpoint starts disabled with a new secret, which
         *       `POST /v1/webhook-endpoints/{endpoint_id}/rotate-secret` shows; then enable it.
         *
         *     With `dry_run: true` nothing is written but the promotion's record (`status: previewed`): the items say what
         *     a promotion would do and which fields differ (`changed`). A promotion carries at most 500 items
         *     (`422 promotion_too_large`: promote fewer kinds at once with `include`).
         */
        post: operations["createEnvironmentPromotion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/environment-promotions/{promotion_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                promotion_id: components["parameters"]["PromotionId"];
            };
            cookie?: never;
        };
        /** Retrieve an environment promotion */
        get: operations["retrieveEnvironmentPromotion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List OAuth 2 apps
         * @description The apps this workspace registered and has not deleted, newest first. Never a secret.
         */
        get: operations["listOAuthApps"];
        put?: never;
        /**
         * Register an OAuth 2 app
         * @description Registers an app that acts for other workspaces (of the same mode as this one) once their owner consents. The
         *     app's `client_id` is its `id`; its `client_secret` is in this response only (only its SHA-256 is stored; a
         *     replay of the same `Idempotency-Key` answers `client_secret: null`). The app authenticates at the token and
         *     revocation endpoints with HTTP Basic (`client_secret_basic`) or form fields (`client_secret_post`).
         *
         *     The flow is OAuth 2.0's authorization code grant with PKCE (`S256` only, required for every app): send the
         *     owner to `GET /oauth/auth?response_type=code&client_id=…&redirect_uri=…&scope=…&code_challenge=…&code_challenge_method=S256&state=…`,
         *     where they sign in with a secret key of their workspace that holds `keys:write` and choose which of the
         *     requested scopes to grant; then exchange the code at `POST /oauth/token`. Access tokens last one hour;
         *     refresh tokens rotate on every use, and presenting a used refresh token revokes every token of that grant.
         *     `POST /oauth/token/revocation` (RFC 7009) revokes a token and its grant; the server's metadata (RFC 8414) is
         *     at `/.well-known/oauth-authorization-server`.
         *
         *     `scopes` is the most a token of this app can carry: a request asks for some of them (other scopes are
         *     dropped), the owner grants some of those, and neither can exceed what the signing-in key holds. `keys:write`
         *     cannot be given to an app (`422 scope_not_for_apps`). `redirect_uris` are `https` URLs, or `http` on a
         *     loopback host (`127.0.0.1`, `[::1]`, `localhost`) for native and development apps (`422 invalid_redirect_uri`).
         *     A workspace registers at most 50 apps that are not deleted (`422 oauth_app_limit_reached`).
         *     A token calls the API like a key with its scopes, at this app's `api_version` (the calling key's at
         *     registration), within its own rate budget, with the connected workspace's personal-data masking and audit.
         *     Always audited (`oauth_app.created`).
         */
        post: operations["createOAuthApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/oauth-apps/{oauth_app_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                oauth_app_id: components["parameters"]["OAuthAppId"];
            };
            cookie?: never;
        };
        /** Retrieve an OAuth 2 app */
        get: operations["retrieveOAuthApp"];
        put?: never;
        post?: never;
        /**
         * Delete an OAuth 2 app
         * @description The app stops at once: its client can no longer authenticate, every grant, code and token it holds in any
         *     workspace is revoked (`401 invalid_token` for its access tokens). Answers the app as a tombstone. Always
         *     audited (`oauth_app.deleted`).
         */
        delete: operations["deleteOAuthApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connected-apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the apps connected to this workspace
         * @description The OAuth 2 apps (of any workspace) that this workspace's owner authorized and that still hold a grant here,
         *     most recently authorized first, with the scopes their grants carry together. An app connected twice (two
         *     authorizations) is listed once.
         */
        get: operations["listConnectedApps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/connected-apps/{oauth_app_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                oauth_app_id: components["parameters"]["OAuthAppId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Disconnect an app from this workspace
         * @description Revokes every grant, code and token the app holds for this workspace, at once (`401 invalid_token` for its
         *     access tokens, `invalid_grant` for its refresh tokens); the app itself and its connections to other workspaces
         *     are untouched. An app that holds nothing here is `404`. Always audited (`oauth_app.disconnected`).
         */
        delete: operations["disconnectApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List broadcasts
         * @description Newest first by `created_at` (default) or `updated_at`, each with its live `counts`. `updated_at` moves
         *     with the broadcast's status and with each batch it queues; deliveries and reads move `counts` without
         *     it (follow those with `GET /v1/messages?updated_since=…`). Broadcasts are never deleted (a cancelled one
         *     stays, `status: cancelled`), so a sync with `updated_since` sees no tombstone.
         */
        get: operations["listBroadcasts"];
        put?: never;
        /**
         * Create a broadcast
         * @description A broadcast sends one template message to every contact of an audience, at a bounded rate. It is created as a
         *     `draft`; `POST /v1/broadcasts/{id}/send` starts it. The `audience` is exactly one of:
         *
         *     - `{ "tag": "vip" }`: the live contacts that carry the tag when the broadcast starts;
         *     - `{ "contact_ids": [...] }`: up to 10,000 contact ids (repeats count once; an id that names no live contact
         *       becomes a recipient `skipped` with reason `contact_not_found`);
         *     - `{ "filter": { "attributes": {...}, "opted_in": true, "tags": [...] } }`: the live contacts matching every
         *       condition given: each attribute equal to the value given, `opted_in: true` for contacts whose latest consent
         *       is an opt-in (`false` for the others), and carrying every tag in `tags`.
         *
         *     The audience is resolved once, when the broadcast starts (its snapshot, one recipient row per contact).
         *     `channel_id` must name a channel of the workspace (`422 channel_not_found`), `template_id` a template
         *     (`422 template_not_found`), approved (`422 template_not_approved`), whose placeholders are filled as a message's
         *     are, with the same values for every recipient: `parameters` or `named_parameters` for the body,
         *     `header_parameter` or `header_file_id` for the header, `button_parameters` for `url` buttons (else
         *     `422 template_parameters_mismatch` with its pointer; a header's file the channel cannot send is
         *     `422 file_not_found`, `media_type_not_supported` or `media_too_large` at `/header_file_id`). A
         *     template that stops being approved while the broadcast sends (WhatsApp paused it) skips the rest of its
         *     recipients with `skip_reason: template_not_approved`.
         *     `rate_per_second` (1–1,000, default 50) bounds how fast messages are created; the channel's own
         *     `rate_per_second` bounds how fast they are handed to the provider, so the lower of the two holds. `scheduled_at` delays the start
         *     to that time (a time in the past starts at once). Emits `broadcast.created`.
         */
        post: operations["createBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{broadcast_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        /**
         * Retrieve a broadcast
         * @description The broadcast with its live `counts`: `total` recipients, of which `pending` (not sent yet), `queued`, `sent`,
         *     `delivered`, `read` and `failed` (by their message's status), `skipped` (see each recipient's `skip_reason`)
         *     and `cancelled` (still pending when the broadcast was cancelled).
         */
        get: operations["retrieveBroadcast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{broadcast_id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a broadcast
         * @description Starts a `draft` broadcast: it becomes `scheduled` (`broadcast.scheduled`), and at its `scheduled_at` (or at
         *     once) `sending` (`broadcast.started`), when its audience is resolved into recipients. Messages go out in
         *     batches paced to `rate_per_second`, each created exactly as `POST /v1/conversations/{id}/messages` would
         *     (the contact's open conversation on the channel, or a new one; `message.queued`, then its delivery). Opted-out
         *     contacts, contacts without a phone and deleted contacts are `skipped` with a `skip_reason`. Every recipient
         *     gets at most one message, also when a worker dies mid-broadcast. When every recipient has been skipped or
         *     messaged and every message has left the queue (handed to the provider, or failed with a `failure_reason`) the
         *     broadcast is `completed` (`broadcast.completed`); its messages' receipts keep updating `counts`.
         *     Answers `202`: follow progress with `GET /v1/broadcasts/{id}`. Any other status than `draft` is
         *     `422 broadcast_invalid_transition`.
         */
        post: operations["sendBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{broadcast_id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a broadcast
         * @description A `scheduled` or `sending` broadcast becomes `paused` with `pause_reason: requested` (`broadcast.paused`): no
         *     batch starts after this answer (a batch already running finishes). Any other status (a broadcast already
         *     paused by its channel's daily recipient budget too) is `422 broadcast_invalid_transition`.
         */
        post: operations["pauseBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{broadcast_id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused broadcast
         * @description A `paused` broadcast goes back to `sending` (or to `scheduled`, if it was paused before it started) and
         *     carries on with the recipients still pending (`broadcast.resumed`); one paused by its channel's daily recipient
         *     budget may be resumed early this way too (a batch that would still pass the budget pauses it again). Any other
         *     status is `422 broadcast_invalid_transition`.
         */
        post: operations["resumeBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{broadcast_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a broadcast
         * @description A `draft`, `scheduled`, `sending` or `paused` broadcast becomes `cancelled` (`broadcast.cancelled`); its
         *     recipients still pending are `cancelled` and get no message. Messages already created are not recalled. A
         *     `completed` or `cancelled` broadcast is `422 broadcast_invalid_transition`.
         */
        post: operations["cancelBroadcast"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/broadcasts/{broadcast_id}/recipients": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        /**
         * List a broadcast's recipients
         * @description One row per recipient (from the snapshot taken when the broadcast started), with its status: `pending`,
         *     its message's `queued`, `sent`, `delivered`, `read` or `failed`, `skipped` (with `skip_reason`:
         *     `contact_not_found`, `contact_opted_out`, `contact_without_phone`, `subject_being_purged`, `template_not_found`, …)
         *     or `cancelled`.
         *     Ordered by `created_at` (the snapshot's time), then contact id, descending.
         */
        get: operations["listBroadcastRecipients"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "contact.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact.created
         * @description A contact was created.
         */
        post: operations["contactCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact.updated
         * @description A contact changed (`previous_attributes` holds the changed fields before the change).
         */
        post: operations["contactUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact.deleted
         * @description A contact was deleted.
         */
        post: operations["contactDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "contact.merged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * contact.merged
         * @description Contacts were merged into this one (`POST /v1/contacts/{contact_id}/merge`): `merged_from` names them (now tombstones with `merged_into`) and `previous_attributes` holds this contact's fields the merge changed.
         */
        post: operations["contactMergedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "file.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * file.created
         * @description A file was created.
         */
        post: operations["fileCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "file.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * file.deleted
         * @description A file was deleted.
         */
        post: operations["fileDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "tag.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * tag.created
         * @description A tag was created.
         */
        post: operations["tagCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "template.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * template.created
         * @description A template was created.
         */
        post: operations["templateCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "template.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * template.updated
         * @description A template was updated.
         */
        post: operations["templateUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "template.approved": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * template.approved
         * @description The reviewer approved a template: it can be sent from now on. `previous_attributes` holds the status it left.
         */
        post: operations["templateApprovedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "template.rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * template.rejected
         * @description The reviewer rejected a template; `status_reason` says why. Edit it to submit it again.
         */
        post: operations["templateRejectedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "template.paused": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * template.paused
         * @description WhatsApp paused a template (its quality fell); sends are refused with `422 template_not_approved` until it is approved again.
         */
        post: operations["templatePausedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "template.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * template.disabled
         * @description WhatsApp disabled a template; it cannot be sent again.
         */
        post: operations["templateDisabledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "template.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * template.deleted
         * @description A template was deleted.
         */
        post: operations["templateDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.created
         * @description An order was created.
         */
        post: operations["orderCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.updated
         * @description An order changed (other than its status).
         */
        post: operations["orderUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.paid
         * @description An order was paid.
         */
        post: operations["orderPaidWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.fulfilled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.fulfilled
         * @description An order was fulfilled.
         */
        post: operations["orderFulfilledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.delivered
         * @description An order was delivered.
         */
        post: operations["orderDeliveredWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.cancelled
         * @description An order was cancelled.
         */
        post: operations["orderCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "order.refunded": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * order.refunded
         * @description An order was refunded.
         */
        post: operations["orderRefundedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "channel.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * channel.created
         * @description A channel was created.
         */
        post: operations["channelCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "channel.quality_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * channel.quality_changed
         * @description A `whatsapp_cloud` channel's `quality_rating` changed (`previous_attributes.quality_rating` holds the one before).
         */
        post: operations["channelQualityChangedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "channel.tier_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * channel.tier_changed
         * @description A `whatsapp_cloud` channel's `messaging_tier` changed (`previous_attributes.messaging_tier` holds the one before).
         */
        post: operations["channelTierChangedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * conversation.created
         * @description A conversation was created.
         */
        post: operations["conversationCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "conversation.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * conversation.updated
         * @description A conversation was updated.
         */
        post: operations["conversationUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.queued": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.queued
         * @description A message was queued for sending.
         */
        post: operations["messageQueuedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.scheduled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.scheduled
         * @description A message was scheduled (`send_at`); at that time it is queued (`message.queued`) or fails with the refusal as `failure_reason`.
         */
        post: operations["messageScheduledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.cancelled
         * @description A scheduled message was cancelled before it was sent (`POST /v1/messages/{message_id}/cancel`).
         */
        post: operations["messageCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.sent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.sent
         * @description A message was sent.
         */
        post: operations["messageSentWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.delivered
         * @description A message was delivered.
         */
        post: operations["messageDeliveredWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.read
         * @description A message was read.
         */
        post: operations["messageReadWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.failed
         * @description A message was failed.
         */
        post: operations["messageFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "message.received": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * message.received
         * @description A message came in from a contact.
         */
        post: operations["messageReceivedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_endpoint.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook_endpoint.created
         * @description A webhook endpoint was created.
         */
        post: operations["webhookEndpointCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_endpoint.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook_endpoint.updated
         * @description A webhook endpoint was updated.
         */
        post: operations["webhookEndpointUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_endpoint.deleted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook_endpoint.deleted
         * @description A webhook endpoint was deleted.
         */
        post: operations["webhookEndpointDeletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_endpoint.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook_endpoint.disabled
         * @description A webhook endpoint was disabled after answering `410` or failing for 5 days.
         */
        post: operations["webhookEndpointDisabledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook.test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook.test
         * @description A test event (`POST /v1/webhook-endpoints/{endpoint_id}/test`), sent to that endpoint only.
         */
        post: operations["webhookTestWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "webhook_delivery.dead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * webhook_delivery.dead
         * @description A webhook delivery to another endpoint ran out of attempts.
         */
        post: operations["webhookDeliveryDeadWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "flow_run.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * flow_run.started
         * @description A flow run was started.
         */
        post: operations["flowRunStartedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "flow_run.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * flow_run.completed
         * @description A flow run was completed.
         */
        post: operations["flowRunCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "flow_run.failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * flow_run.failed
         * @description A flow run was failed.
         */
        post: operations["flowRunFailedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "flow_run.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * flow_run.cancelled
         * @description A flow run was cancelled.
         */
        post: operations["flowRunCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "flow_run.throttled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * flow_run.throttled
         * @description A flow trigger started no run because a run budget was spent.
         */
        post: operations["flowRunThrottledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * broadcast.created
         * @description A broadcast was created.
         */
        post: operations["broadcastCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.scheduled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * broadcast.scheduled
         * @description A broadcast was scheduled.
         */
        post: operations["broadcastScheduledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.started": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * broadcast.started
         * @description A broadcast was started.
         */
        post: operations["broadcastStartedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.paused": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * broadcast.paused
         * @description A broadcast was paused: on request, or by its channel's daily recipient budget (`pause_reason: daily_recipient_budget`, with `resumes_at`).
         */
        post: operations["broadcastPausedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.resumed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * broadcast.resumed
         * @description A broadcast was resumed.
         */
        post: operations["broadcastResumedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * broadcast.completed
         * @description A broadcast was completed.
         */
        post: operations["broadcastCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "broadcast.cancelled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * broadcast.cancelled
         * @description A broadcast was cancelled.
         */
        post: operations["broadcastCancelledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description `true` for an object of the workspace's live side, `false` for one of its test side (made with a `sk_test_…` key). */
        Livemode: boolean;
        WebhookEndpointIdValue: string;
        WebhookDeliveryIdValue: string;
        /** @description An event type, a family wildcard (`contact.*`) or `*`. */
        WebhookEventTypeFilter: string;
        WebhookEndpointCreate: {
            /** Format: uri */
            url: string;
            /**
             * @default [
             *       "*"
             *     ]
             */
            event_types?: components["schemas"]["WebhookEventTypeFilter"][];
            description?: string | null;
            /** @default true */
            enabled?: boolean;
            max_concurrency?: components["schemas"]["WebhookMaxConcurrency"];
            /**
             * @description The API version the endpoint's payloads are shaped for (any supported version); default the workspace's.
             * @enum {string}
             */
            api_version?: "2026-11-01" | "2025-06-01";
        };
        /**
         * @description At most this many deliveries in flight to the endpoint at once. Lower it for a receiver that cannot take parallel requests.
         * @default 10
         * @example 10
         */
        WebhookMaxConcurrency: number;
        WebhookEndpointUpdate: {
            /** Format: uri */
            url?: string;
            event_types?: components["schemas"]["WebhookEventTypeFilter"][];
            description?: string | null;
            enabled?: boolean;
            max_concurrency?: components["schemas"]["WebhookMaxConcurrency"];
            /**
             * @description From the next attempt on, deliveries are shaped for this version: retries and replays of earlier events included.
             * @enum {string}
             */
            api_version?: "2026-11-01" | "2025-06-01";
        };
        WebhookEndpoint: {
            id: components["schemas"]["WebhookEndpointIdValue"];
            /** @constant */
            object: "webhook_endpoint";
            livemode: components["schemas"]["Livemode"];
            url: string;
            event_types: string[];
            description: string | null;
            enabled: boolean;
            /**
             * @description `gone`: the endpoint answered `410`; `failing`: every attempt failed for 5 days.
             * @enum {string|null}
             */
            disabled_reason: "manual" | "gone" | "failing" | null;
            /** @description Deliveries show personal data in clear (the key that created or last updated the endpoint has `pii:read`); masked when false. */
            pii_read: boolean;
            /**
             * @description At most this many deliveries in flight to the endpoint at once.
             * @example 10
             */
            max_concurrency: number;
            /**
             * @description The API version of every payload sent to the endpoint, named in each delivery's `Api-Version` header (with
             *     `Deprecation`, `Sunset` and `Link` for a deprecated version, as on responses). Read at each attempt:
             *     retries and replays go out in the shape of the version the endpoint has when they are sent.
             * @example 2026-11-01
             */
            api_version: string;
            /**
             * Format: date-time
             * @description While set and in the future, deliveries carry the previous secret's signature too.
             */
            secret_rotation_ends_at: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        WebhookEndpointWithSecret: {
            id: components["schemas"]["WebhookEndpointIdValue"];
            /** @constant */
            object: "webhook_endpoint";
            livemode: components["schemas"]["Livemode"];
            url: string;
            event_types: string[];
            description: string | null;
            enabled: boolean;
            /**
             * @description `gone`: the endpoint answered `410`; `failing`: every attempt failed for 5 days.
             * @enum {string|null}
             */
            disabled_reason: "manual" | "gone" | "failing" | null;
            /** @description Deliveries show personal data in clear (the key that created or last updated the endpoint has `pii:read`); masked when false. */
            pii_read: boolean;
            /**
             * @description At most this many deliveries in flight to the endpoint at once.
             * @example 10
             */
            max_concurrency: number;
            /**
             * @description The API version of every payload sent to the endpoint, named in each delivery's `Api-Version` header (with
             *     `Deprecation`, `Sunset` and `Link` for a deprecated version, as on responses). Read at each attempt:
             *     retries and replays go out in the shape of the version the endpoint has when they are sent.
             * @example 2026-11-01
             */
            api_version: string;
            /**
             * Format: date-time
             * @description While set and in the future, deliveries carry the previous secret's signature too.
             */
            secret_rotation_ends_at: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description `whsec_` + standard base64 of 24 random bytes; shown once; `null` in a replay of the same Idempotency-Key. */
            secret: string | null;
        };
        /** @description A deleted endpoint (the answer to a delete, and a tombstone in `updated_since` lists). */
        DeletedWebhookEndpoint: {
            id: components["schemas"]["WebhookEndpointIdValue"];
            /** @constant */
            object: "webhook_endpoint";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        WebhookEndpointList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["WebhookEndpoint"] | components["schemas"]["DeletedWebhookEndpoint"])[];
        };
        WebhookSecretRotate: {
            /** @default 86400 */
            overlap_seconds?: number;
        };
        /**
         * @description `pending`: not attempted yet; `failed`: the last attempt failed and another is scheduled; `dead`: no attempt is left.
         * @enum {string}
         */
        WebhookDeliveryStatus: "pending" | "succeeded" | "failed" | "dead";
        WebhookAttempt: {
            attempt: number;
            attempted_at: components["schemas"]["Timestamp"];
            duration_ms: number;
            status_code: number | null;
            response_headers: {
                [key: string]: string;
            } | null;
            /** @description The first 4 KB of the response body. */
            response_body: string | null;
            error: {
                /** @enum {string} */
                code: "timeout" | "dns" | "refused" | "tls" | "address_not_allowed" | "connection" | "http_status";
                message: string;
            } | null;
        };
        WebhookDelivery: {
            id: components["schemas"]["WebhookDeliveryIdValue"];
            /** @constant */
            object: "webhook_delivery";
            livemode: components["schemas"]["Livemode"];
            endpoint_id: components["schemas"]["WebhookEndpointIdValue"];
            event_id: components["schemas"]["EventIdValue"];
            event_type: string;
            status: components["schemas"]["WebhookDeliveryStatus"];
            attempt_count: number;
            /** Format: date-time */
            next_attempt_at: string | null;
            /** Format: date-time */
            last_attempt_at: string | null;
            /** @description Only when retrieving one delivery. */
            attempts?: components["schemas"]["WebhookAttempt"][];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        WebhookDeliveryList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["WebhookDelivery"][];
        };
        WebhookReplayRequest: {
            /** Format: date-time */
            since: string;
            /** Format: date-time */
            until?: string;
            /**
             * @description `failed` covers `failed` and `dead`.
             * @default failed
             * @enum {string}
             */
            status?: "failed" | "dead" | "all";
            /** @default false */
            dry_run?: boolean;
        };
        /**
         * @description The body of every webhook delivery: the event, shaped for the endpoint's `api_version` (named in the
         *     `Api-Version` header) and signed as Standard Webhooks says (`webhook-id`, `webhook-timestamp`,
         *     `webhook-signature` over the body as sent).
         */
        WebhookPayload: {
            id: components["schemas"]["EventIdValue"];
            type: string;
            livemode: components["schemas"]["Livemode"];
            created_at: components["schemas"]["Timestamp"];
            /** @description Per-object sequence number; increases by one with each event of the same object. */
            sequence: number;
            data: {
                /** @description The object after the change (a tombstone for deletes). */
                object: unknown;
                /** @description For `*.updated`, `contact.merged` and the order status events, the changed fields' values before the change; else null. */
                previous_attributes: Record<string, unknown> | null;
                /** @description For `contact.merged`, the ids of the contacts merged into `object` (now tombstones with `merged_into`). */
                merged_from?: components["schemas"]["ContactIdValue"][];
            };
        };
        EventTypeList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["EventTypeInfo"][];
        };
        EventTypeInfo: {
            /** @constant */
            object: "event_type";
            /** @example contact.created */
            type: string;
            summary: string;
            /** @description One per supported API version, newest first. */
            schemas: {
                /** @example 2026-11-01 */
                api_version: string;
                /** @description The payload's JSON Schema (2020-12) in that version; components it uses are in its `$defs`. */
                schema: Record<string, unknown>;
            }[];
        };
        WebhookTestObject: {
            /** @constant */
            object: "webhook_test";
            endpoint_id: components["schemas"]["WebhookEndpointIdValue"];
            message: string;
        };
        WebhookReplay: {
            /** @constant */
            object: "webhook_replay";
            endpoint_id: components["schemas"]["WebhookEndpointIdValue"];
            count: number;
            dry_run: boolean;
        };
        /**
         * Format: date-time
         * @description RFC 3339, UTC, millisecond precision.
         */
        Timestamp: string;
        /**
         * @description E.164 phone number.
         * @example +919876543210
         */
        Phone: string;
        /**
         * @description An international phone number: `+` (or `00`) and 7 to 15 digits, the first not `0`, as E.164 or grouped by spaces, dashes, dots or parentheses (`+91 98765-43210`, `0091 98765 43210`). Stored and compared in E.164 (`+919876543210`, a written trunk `0` after the country code dropped); every value of this form is taken, and any other is `400` with the field's pointer.
         * @example +919876543210
         * @example +91 98765-43210
         */
        PhoneInput: string;
        /**
         * Format: email
         * @description Stored, compared and returned case-folded (`Asha@Example.com` is `asha@example.com`).
         */
        Email: string;
        /** @description Your own identifier for the contact (printable ASCII). */
        ExternalId: string;
        PersonName: string;
        ContactIdValue: string;
        /** @description Up to 50 custom attributes; keys up to 40 characters, string values up to 500. Writes are checked against the workspace's contact attribute definitions (`GET /v1/contact-attributes`). */
        Attributes: {
            [key: string]: string | number | boolean;
        };
        /** @description Keys to set; a `null` value removes the key. */
        AttributesPatch: {
            [key: string]: string | number | boolean | null;
        };
        Contact: {
            id: components["schemas"]["ContactIdValue"];
            /** @constant */
            object: "contact";
            livemode: components["schemas"]["Livemode"];
            /** @description E.164; masked without `pii:read`. */
            phone: string | null;
            /** @description Masked without `pii:read`. */
            email: string | null;
            /** @description Masked without `pii:read`. */
            first_name: string | null;
            /** @description Masked without `pii:read`. */
            last_name: string | null;
            /** @description Masked without `pii:read`. */
            external_id: string | null;
            /** @description Without `pii:read`, values are masked (`[masked]`) except those of keys defined with `personal: false` (`GET /v1/contact-attributes`); keys without a definition are masked. */
            attributes: components["schemas"]["Attributes"];
            /** @description The names of the contact's tags, sorted. Changed with the tag endpoints. */
            tags: components["schemas"]["TagNameValue"][];
            /**
             * Format: date-time
             * @description When the contact last opted in to messages.
             */
            opted_in_at: string | null;
            /**
             * Format: date-time
             * @description When the contact last opted out; sends are refused while it is later than `opted_in_at`.
             */
            opted_out_at: string | null;
            /** @description Where the latest consent change came from, as an import stated it (`consent_source` of `POST /v1/contacts/bulk`); null after an opt-in or opt-out recorded through the API or an inbound START/STOP. */
            consent_source: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /**
         * @description A tag name as stored and shown (lower case).
         * @example vip
         */
        TagNameValue: string;
        /**
         * @description A tag name, case-insensitive (stored and shown in lower case): letters, digits and `_ : . -`, starting with a letter or digit.
         * @example vip
         * @example stuck-shipment
         * @example region:south
         */
        TagNameInput: string;
        Tag: {
            id: string;
            /** @constant */
            object: "tag";
            livemode: components["schemas"]["Livemode"];
            name: components["schemas"]["TagNameValue"];
            /** @description Live (not deleted) contacts that carry the tag. */
            contact_count: number;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ContactTagsAdd: {
            tags: components["schemas"]["TagNameInput"][];
        };
        TagList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Tag"][];
        };
        /** @description At least one of `phone`, `email` or `external_id` is required. */
        ContactCreate: {
            phone?: components["schemas"]["PhoneInput"];
            email?: components["schemas"]["Email"];
            first_name?: components["schemas"]["PersonName"];
            last_name?: components["schemas"]["PersonName"];
            external_id?: components["schemas"]["ExternalId"];
            attributes?: components["schemas"]["Attributes"];
        };
        ContactUpdate: {
            phone?: components["schemas"]["PhoneInput"] | null;
            email?: components["schemas"]["Email"] | null;
            first_name?: components["schemas"]["PersonName"] | null;
            last_name?: components["schemas"]["PersonName"] | null;
            external_id?: components["schemas"]["ExternalId"] | null;
            attributes?: components["schemas"]["AttributesPatch"];
        };
        ContactMerge: {
            /** @description The contacts to merge into the path's contact (live contacts of the workspace, not the path's contact). */
            from: components["schemas"]["ContactIdValue"][];
            /**
             * @description Whose value an attribute key keeps when several contacts have it: the survivor's (then the contact earliest in `from`), or the most recently updated contact's.
             * @default survivor
             * @enum {string}
             */
            attributes?: "survivor" | "newest";
        };
        /** @description A deleted contact (the answer to a delete, and a tombstone in `updated_since` lists). */
        DeletedContact: {
            id: components["schemas"]["ContactIdValue"];
            /** @constant */
            object: "contact";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            /** @description Only on a contact merged into another (`POST /v1/contacts/{contact_id}/merge`): the contact it was merged into. */
            merged_into?: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        TemplateIdValue: string;
        /**
         * @description Lower-case letters, digits and underscores, as WhatsApp requires; unique among the workspace's live templates.
         * @example order_shipped
         */
        TemplateName: string;
        /**
         * @description A language code, with an optional region after an underscore (`en`, `en_US`, `pt_BR`, `fil`).
         * @example en_US
         */
        TemplateLanguage: string;
        /** @enum {string} */
        TemplateCategory: "marketing" | "utility" | "authentication";
        /**
         * @description Where the template stands in review; only an `approved` template can be sent (else `422 template_not_approved`).
         *     `pending`: submitted and waiting for the reviewer, on create and again after an edit of what it says. A template
         *     without `channel_id` is reviewed by the sandbox, which approves it after a short delay (`SANDBOX_TEMPLATE_REVIEW_MS`,
         *     2 s by default; 0 approves it at creation); one named `sandbox_reject_…` is rejected and one named
         *     `sandbox_pending_…` stays pending, so an integration can try both paths. A template with a `whatsapp_cloud`
         *     `channel_id` is submitted to that channel's WhatsApp Business Account and moved by its status notifications.
         *     `rejected`: refused, `status_reason` says why; an edit submits it again. `paused`: WhatsApp paused it for low
         *     quality (it comes back `approved` when WhatsApp says so). `disabled`: WhatsApp disabled it for good.
         *     Each move is an event: `template.approved`, `template.rejected`, `template.paused`, `template.disabled`.
         * @enum {string}
         */
        TemplateStatus: "pending" | "approved" | "rejected" | "paused" | "disabled";
        /**
         * @description How the body's (and a text header's) placeholders are written: `positional`, `{{1}}`, `{{2}}`, … numbered from 1
         *     without gaps, filled by a send's `parameters`; `named`, `{{first_name}}` (lowercase letters, digits and
         *     underscores), filled by a send's `named_parameters`.
         * @enum {string}
         */
        TemplateParameterFormat: "positional" | "named";
        /**
         * @description The template's header: `text` (up to 60 characters, with at most one placeholder, filled by a send's
         *     `header_parameter`), or a medium (`image`, `video`, `document`) that each send gives as `header_file_id`.
         */
        TemplateHeader: {
            /** @enum {string} */
            format: "text" | "image" | "video" | "document";
            /** @description Required for `format: text`, refused for the others. */
            text?: string;
        };
        /**
         * @description A button: `quick_reply` (the customer's tap comes back as an inbound message), `url` (`url` is an `https` address;
         *     it may end in one placeholder, `{{1}}`, that a send fills through `button_parameters`), or `phone_number` (an E.164
         *     number to call). Up to 10 buttons, at most 2 `url` and 1 `phone_number`; `text` is up to 25 characters.
         */
        TemplateButton: {
            /** @enum {string} */
            type: "quick_reply" | "url" | "phone_number";
            text: string;
            url?: string;
            phone_number?: components["schemas"]["Phone"];
        };
        /** @description A line under the body, without placeholders. */
        TemplateFooter: string;
        /**
         * @description Up to 1024 characters. Placeholders are `{{1}}`, `{{2}}`, …, numbered from 1 without gaps; each may
         *     appear more than once. Any other text in double braces is refused (`422 template_component_invalid`).
         * @example Hi {{1}}, your order {{2}} is on its way.
         */
        TemplateBody: string;
        Template: {
            id: components["schemas"]["TemplateIdValue"];
            /** @constant */
            object: "template";
            livemode: components["schemas"]["Livemode"];
            name: components["schemas"]["TemplateName"];
            language: components["schemas"]["TemplateLanguage"];
            category: components["schemas"]["TemplateCategory"];
            body: components["schemas"]["TemplateBody"];
            /** @description How many body parameters a send of this template takes (the highest placeholder number, or the distinct names); derived from `body`. */
            parameters_count: number;
            status: components["schemas"]["TemplateStatus"];
            /** @description Why the reviewer rejected, paused or disabled it (the reviewer's reason, such as `INVALID_FORMAT`); null otherwise. */
            status_reason: string | null;
            /** @description The `whatsapp_cloud` channel whose WhatsApp Business Account reviews it; null for the sandbox review. */
            channel_id: string | null;
            parameter_format: components["schemas"]["TemplateParameterFormat"];
            header: null | components["schemas"]["TemplateHeader"];
            footer: string | null;
            buttons: components["schemas"]["TemplateButton"][];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        TemplateCreate: {
            name: components["schemas"]["TemplateName"];
            language: components["schemas"]["TemplateLanguage"];
            category: components["schemas"]["TemplateCategory"];
            body: components["schemas"]["TemplateBody"];
            /** @description A `whatsapp_cloud` channel of the workspace whose WhatsApp Business Account reviews the template (else `422 channel_not_found`, or `422 channel_cannot_review` for a channel of another provider); omit it for the sandbox review. */
            channel_id?: string;
            parameter_format?: components["schemas"]["TemplateParameterFormat"];
            header?: components["schemas"]["TemplateHeader"];
            footer?: components["schemas"]["TemplateFooter"];
            buttons?: components["schemas"]["TemplateButton"][];
        };
        /**
         * @description A change to what the template says (anything but `name`) sends it back to review: `pending`, then moved as on
         *     create. A template reviewed by a WhatsApp Business Account keeps its name and language there
         *     (`422 template_not_editable`), and a `disabled` one cannot be edited.
         */
        TemplateUpdate: {
            name?: components["schemas"]["TemplateName"];
            language?: components["schemas"]["TemplateLanguage"];
            category?: components["schemas"]["TemplateCategory"];
            body?: components["schemas"]["TemplateBody"];
            parameter_format?: components["schemas"]["TemplateParameterFormat"];
            /** @description The new header, or null to remove it. */
            header?: null | components["schemas"]["TemplateHeader"];
            /** @description The new footer, or null to remove it. */
            footer?: null | components["schemas"]["TemplateFooter"];
            buttons?: components["schemas"]["TemplateButton"][];
        };
        /** @description A deleted template (the answer to a delete, and a tombstone in `updated_since` lists). */
        DeletedTemplate: {
            id: components["schemas"]["TemplateIdValue"];
            /** @constant */
            object: "template";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        TemplateList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["Template"] | components["schemas"]["DeletedTemplate"])[];
        };
        ContactAttributeIdValue: string;
        /**
         * @description A key of contacts' `attributes`.
         * @example plan
         */
        ContactAttributeKey: string;
        /**
         * @description `date` values are calendar dates, `YYYY-MM-DD`; `enum` values are one of `options`.
         * @enum {string}
         */
        ContactAttributeType: "string" | "number" | "boolean" | "date" | "enum";
        /** @description The values an `enum` attribute takes (each once, compared exactly); only for `enum`. */
        ContactAttributeOptions: string[];
        ContactAttributeDescription: string;
        /** @description The definition of one key of contacts' `attributes`. */
        ContactAttribute: {
            id: components["schemas"]["ContactAttributeIdValue"];
            /** @constant */
            object: "contact_attribute";
            livemode: components["schemas"]["Livemode"];
            key: components["schemas"]["ContactAttributeKey"];
            type: components["schemas"]["ContactAttributeType"];
            /** @description An `enum`'s values; `null` for other types. */
            options: components["schemas"]["ContactAttributeOptions"] | null;
            /** @description Values are personal data: masked without `pii:read`, compared in searches only with it. */
            personal: boolean;
            description: components["schemas"]["ContactAttributeDescription"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description `options` is required with `type: enum` and refused with other types (`400`). */
        ContactAttributeCreate: {
            key: components["schemas"]["ContactAttributeKey"];
            type: components["schemas"]["ContactAttributeType"];
            options?: components["schemas"]["ContactAttributeOptions"];
            /** @default false */
            personal?: boolean;
            description?: components["schemas"]["ContactAttributeDescription"];
        };
        ContactAttributeUpdate: {
            type?: components["schemas"]["ContactAttributeType"];
            options?: components["schemas"]["ContactAttributeOptions"] | null;
            personal?: boolean;
            description?: components["schemas"]["ContactAttributeDescription"] | null;
        };
        /** @description A deleted definition (the answer to a delete, and a tombstone in `updated_since` lists). */
        DeletedContactAttribute: {
            id: components["schemas"]["ContactAttributeIdValue"];
            /** @constant */
            object: "contact_attribute";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ContactAttributeList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["ContactAttribute"] | components["schemas"]["DeletedContactAttribute"])[];
        };
        OrderIdValue: string;
        /**
         * @description `pending` → `paid` → `fulfilled` → `delivered`; `cancelled` from `pending` or `paid`; `refunded` from `paid`, `fulfilled` or `delivered`.
         * @enum {string}
         */
        OrderStatus: "pending" | "paid" | "fulfilled" | "delivered" | "cancelled" | "refunded";
        /**
         * @description An ISO 4217 currency code in circulation, upper case; any other is a `400` on `/currency`.
         * @example INR
         * @enum {string}
         */
        Currency: "AED" | "AFN" | "ALL" | "AMD" | "ANG" | "AOA" | "ARS" | "AUD" | "AWG" | "AZN" | "BAM" | "BBD" | "BDT" | "BGN" | "BHD" | "BIF" | "BMD" | "BND" | "BOB" | "BRL" | "BSD" | "BTN" | "BWP" | "BYN" | "BZD" | "CAD" | "CDF" | "CHF" | "CLP" | "CNY" | "COP" | "CRC" | "CUC" | "CUP" | "CVE" | "CZK" | "DJF" | "DKK" | "DOP" | "DZD" | "EGP" | "ERN" | "ETB" | "EUR" | "FJD" | "FKP" | "GBP" | "GEL" | "GHS" | "GIP" | "GMD" | "GNF" | "GTQ" | "GYD" | "HKD" | "HNL" | "HRK" | "HTG" | "HUF" | "IDR" | "ILS" | "INR" | "IQD" | "IRR" | "ISK" | "JMD" | "JOD" | "JPY" | "KES" | "KGS" | "KHR" | "KMF" | "KPW" | "KRW" | "KWD" | "KYD" | "KZT" | "LAK" | "LBP" | "LKR" | "LRD" | "LSL" | "LYD" | "MAD" | "MDL" | "MGA" | "MKD" | "MMK" | "MNT" | "MOP" | "MRU" | "MUR" | "MVR" | "MWK" | "MXN" | "MYR" | "MZN" | "NAD" | "NGN" | "NIO" | "NOK" | "NPR" | "NZD" | "OMR" | "PAB" | "PEN" | "PGK" | "PHP" | "PKR" | "PLN" | "PYG" | "QAR" | "RON" | "RSD" | "RUB" | "RWF" | "SAR" | "SBD" | "SCR" | "SDG" | "SEK" | "SGD" | "SHP" | "SLE" | "SLL" | "SOS" | "SRD" | "SSP" | "STN" | "SVC" | "SYP" | "SZL" | "THB" | "TJS" | "TMT" | "TND" | "TOP" | "TRY" | "TTD" | "TWD" | "TZS" | "UAH" | "UGX" | "USD" | "UYU" | "UZS" | "VES" | "VND" | "VUV" | "WST" | "XAF" | "XCD" | "XCG" | "XDR" | "XOF" | "XPF" | "XSU" | "YER" | "ZAR" | "ZMW" | "ZWG" | "ZWL";
        /** @description An amount in the currency's minor unit (paise for INR, cents for USD, yen for JPY). */
        MinorUnits: number;
        OrderItemCreate: {
            /** @description Your stock-keeping unit (printable ASCII). */
            sku: string;
            name: string;
            quantity: number;
            unit_price: components["schemas"]["MinorUnits"];
        };
        OrderItem: {
            sku: string;
            name: string;
            quantity: number;
            unit_price: components["schemas"]["MinorUnits"];
            /** @description `quantity × unit_price`, computed by the server. */
            amount: components["schemas"]["MinorUnits"];
        };
        Order: {
            id: components["schemas"]["OrderIdValue"];
            /** @constant */
            object: "order";
            livemode: components["schemas"]["Livemode"];
            contact_id: components["schemas"]["ContactIdValue"];
            status: components["schemas"]["OrderStatus"];
            currency: components["schemas"]["Currency"];
            items: components["schemas"]["OrderItem"][];
            /** @description The sum of the items' `amount`. */
            subtotal: components["schemas"]["MinorUnits"];
            /** @description What the contact pays; equal to `subtotal` until taxes, discounts and shipping exist. */
            total: components["schemas"]["MinorUnits"];
            /** @description Values masked (`[masked]`) without `pii:read`. */
            metadata: components["schemas"]["Attributes"];
            paid_at: components["schemas"]["Timestamp"] | null;
            fulfilled_at: components["schemas"]["Timestamp"] | null;
            delivered_at: components["schemas"]["Timestamp"] | null;
            cancelled_at: components["schemas"]["Timestamp"] | null;
            refunded_at: components["schemas"]["Timestamp"] | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        OrderCreate: {
            contact_id: components["schemas"]["ContactIdValue"];
            currency: components["schemas"]["Currency"];
            items: components["schemas"]["OrderItemCreate"][];
            metadata?: components["schemas"]["Attributes"];
        };
        OrderUpdate: {
            status?: components["schemas"]["OrderStatus"];
            metadata?: components["schemas"]["AttributesPatch"];
        };
        OrderList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Order"][];
        };
        Status: {
            /** @constant */
            object: "status";
            /**
             * @description `operational`: the API is serving requests.
             * @enum {string}
             */
            status: "operational";
            /** @description The API version this request was answered in (as in the `Api-Version` header). */
            api_version: string;
            time: components["schemas"]["Timestamp"];
        };
        FileIdValue: string;
        /** @description Lower-case hex SHA-256 of the content. */
        Sha256: string;
        /**
         * @description What the file is for, in your own words (lower-case letters, digits and `_`), e.g. `message_media`. The words
         *     `null` and `undefined` are refused (`400`): a multipart field cannot carry JSON's null, and form libraries
         *     write those words for a value that was not set, so leave the field out instead.
         * @example message_media
         * @example template_header
         * @example contact_import
         */
        FilePurpose: string;
        FileUpload: {
            /**
             * Format: binary
             * @description The file, with a `filename` in the part's `Content-Disposition`; at most 25 MiB.
             */
            file: string;
            purpose?: components["schemas"]["FilePurpose"];
        };
        File: {
            id: components["schemas"]["FileIdValue"];
            /** @constant */
            object: "file";
            livemode: components["schemas"]["Livemode"];
            /** @description The name the file was uploaded with (without any folder). */
            filename: string;
            /** @description The type found in the content, e.g. `image/png`; `Content-Type` of the download. */
            content_type: string;
            /** @description Bytes. */
            size: number;
            sha256: components["schemas"]["Sha256"];
            purpose: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        /** @description A deleted file (the answer to a delete, and a tombstone in `updated_since` lists). */
        DeletedFile: {
            id: components["schemas"]["FileIdValue"];
            /** @constant */
            object: "file";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        FileList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["File"] | components["schemas"]["DeletedFile"])[];
        };
        /** @description One contact of a bulk upsert, matched on the identifier `match_on` names; without it on `external_id` when present, otherwise on `phone`, otherwise on `email`. At least one of `phone`, `external_id` or `email` is required. */
        ContactUpsertItem: {
            /**
             * @description The identifier to match a live contact on; the item must carry it (`400` otherwise).
             * @enum {string}
             */
            match_on?: "external_id" | "phone" | "email";
            phone?: components["schemas"]["PhoneInput"];
            email?: components["schemas"]["Email"];
            first_name?: components["schemas"]["PersonName"];
            last_name?: components["schemas"]["PersonName"];
            external_id?: components["schemas"]["ExternalId"];
            attributes?: components["schemas"]["AttributesPatch"];
            /** @description Tags to add, as `POST /v1/contacts/{id}/tags` adds them (never removes one). */
            tags?: components["schemas"]["TagNameInput"][];
            /** @description When the contact opted in to messages (not in the future). */
            opted_in_at?: components["schemas"]["Timestamp"];
            /** @description When the contact opted out (not in the future); sends are refused while it is later than `opted_in_at`. */
            opted_out_at?: components["schemas"]["Timestamp"];
            /** @description Where the consent of `opted_in_at` / `opted_out_at` was given; needs one of them. */
            consent_source?: components["schemas"]["ConsentSource"];
        };
        /**
         * @description Where a consent was given or withdrawn, in your own words; not personal data (do not put any here).
         * @example signup_form_2024
         * @example pos:store-12
         */
        ConsentSource: string;
        ContactsBulkUpsert: {
            /** @description Each a `ContactUpsertItem`, validated one by one: an invalid item gets its own `400` result and the others still apply. */
            items: (components["schemas"]["ContactUpsertItem"] | Record<string, unknown>)[];
        };
        /** @description One contact, by exactly one of `contact_id`, `external_id` or `phone`, and its tags to add and/or remove. */
        ContactTagsBulkItem: {
            contact_id?: components["schemas"]["ContactIdValue"];
            external_id?: components["schemas"]["ExternalId"];
            phone?: components["schemas"]["PhoneInput"];
            add?: components["schemas"]["TagNameInput"][];
            remove?: components["schemas"]["TagNameInput"][];
        };
        ContactTagsBulk: {
            /** @description Each a `ContactTagsBulkItem`, validated one by one: an invalid item gets its own `400` result and the others still apply. */
            items: (components["schemas"]["ContactTagsBulkItem"] | Record<string, unknown>)[];
        };
        /** @description One template message, to a contact named by exactly one of `contact_id` or `phone`. */
        MessagesBulkItem: {
            contact_id?: components["schemas"]["ContactIdValue"];
            phone?: components["schemas"]["PhoneInput"];
            channel_id: components["schemas"]["ChannelIdValue"];
            template_id: components["schemas"]["TemplateIdValue"];
            parameters?: string[];
            send_at?: components["schemas"]["SendAt"];
        };
        MessagesBulkCreate: {
            /** @description Each a `MessagesBulkItem`, validated one by one: an invalid item gets its own `400` result and the others still apply. */
            items: (components["schemas"]["MessagesBulkItem"] | Record<string, unknown>)[];
        };
        BulkJobFields: {
            id: string;
            /** @constant */
            object: "bulk_job";
            livemode: components["schemas"]["Livemode"];
            /**
             * @description The bulk operation's operationId.
             * @example bulkUpsertContacts
             * @example bulkTagContacts
             * @example bulkCreateMessages
             */
            operation: string;
            /** @enum {string} */
            status: "running" | "completed";
            total: number;
            /** @description Items with a result so far. */
            processed: number;
            /** @description Items answered `200` or `201`. */
            succeeded: number;
            /** @description Items answered `4xx`. */
            failed: number;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** Format: date-time */
            completed_at: string | null;
        };
        BulkJob: components["schemas"]["BulkJobFields"];
        BulkItemResult: {
            /** @description The item's position in `items`. */
            index: number;
            /** @description What the single-item operation would have answered: `201`, `200` or a `4xx`. */
            status: number;
            /** @description The object written; with a uniqueness conflict, the object that holds the value. */
            id: string | null;
            error: components["schemas"]["Problem"] | null;
        };
        BulkJobWithResults: {
            /** @description One result per item, in input order. */
            results: components["schemas"]["BulkItemResult"][];
        } & components["schemas"]["BulkJobFields"];
        BulkItemResultList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["BulkItemResult"][];
        };
        ListEnvelope: {
            /** @constant */
            object: "list";
            has_more: boolean;
            /** @description Pass as `cursor` to get the next page; null on the last page. */
            next_cursor: string | null;
        };
        /** @description Groups OR'ed, the filters of a group AND'ed. See `POST /v1/contacts/search` for fields and operators. */
        ContactSearch: {
            filter_groups: components["schemas"]["ContactSearchGroup"][];
        };
        ContactSearchGroup: {
            filters: components["schemas"]["ContactSearchFilter"][];
        };
        ContactSearchFilter: {
            /**
             * @description A contact field, or `attributes.<key>` for a custom attribute.
             * @example tags
             * @example attributes.plan
             */
            field: string;
            /** @enum {string} */
            operator: "eq" | "neq" | "in" | "exists" | "not_exists" | "prefix" | "gt" | "gte" | "lt" | "lte" | "contains" | "not_contains";
            /** @description The value the operator compares with; not with `in`, `exists`, `not_exists`. */
            value?: string | number | boolean;
            /** @description The values of `in`. */
            values?: (string | number | boolean)[];
        };
        ContactList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["Contact"] | components["schemas"]["DeletedContact"])[];
        };
        Event: {
            id: components["schemas"]["EventIdValue"];
            /** @constant */
            object: "event";
            livemode: components["schemas"]["Livemode"];
            /** @enum {string} */
            type: "contact.created" | "contact.updated" | "contact.deleted" | "contact.merged" | "file.created" | "file.deleted" | "tag.created" | "template.created" | "template.updated" | "template.deleted" | "template.approved" | "template.rejected" | "template.paused" | "template.disabled" | "order.created" | "order.updated" | "order.paid" | "order.fulfilled" | "order.delivered" | "order.cancelled" | "order.refunded" | "channel.created" | "channel.quality_changed" | "channel.tier_changed" | "conversation.created" | "conversation.updated" | "message.scheduled" | "message.queued" | "message.sent" | "message.delivered" | "message.read" | "message.failed" | "message.received" | "message.cancelled" | "webhook_endpoint.created" | "webhook_endpoint.updated" | "webhook_endpoint.deleted" | "webhook_endpoint.disabled" | "webhook.test" | "webhook_delivery.dead" | "flow_run.started" | "flow_run.completed" | "flow_run.failed" | "flow_run.cancelled" | "flow_run.throttled" | "broadcast.created" | "broadcast.scheduled" | "broadcast.started" | "broadcast.paused" | "broadcast.resumed" | "broadcast.completed" | "broadcast.cancelled";
            /** @description Per-object sequence number; increases by one with each event of the same object. */
            sequence: number;
            /** @description The request that caused the event (`req_…`), or the flow run (`frn_…`) whose step made the change; null for other background changes. */
            request_id?: string | null;
            cause?: components["schemas"]["EventCause"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            data: {
                /** @description The object after the change (a tombstone for deletes), in the caller's API version. */
                object: components["schemas"]["Contact"] | components["schemas"]["DeletedContact"] | components["schemas"]["File"] | components["schemas"]["DeletedFile"] | components["schemas"]["Tag"] | components["schemas"]["Template"] | components["schemas"]["DeletedTemplate"] | components["schemas"]["Order"] | components["schemas"]["Channel"] | components["schemas"]["Conversation"] | components["schemas"]["Message"] | components["schemas"]["WebhookEndpoint"] | components["schemas"]["DeletedWebhookEndpoint"] | components["schemas"]["FlowRun"] | components["schemas"]["FlowRunThrottle"] | components["schemas"]["WebhookDelivery"] | components["schemas"]["WebhookTestObject"] | components["schemas"]["Broadcast"] | components["schemas"]["EventObjectStub"];
                /** @description For `*.updated`, `contact.merged` and the order status events (`order.paid`, …), the changed fields' values before the change. Left out when `object` is a stub. */
                previous_attributes?: Record<string, unknown>;
                /** @description For `contact.merged`, the ids of the contacts merged into `object` (now tombstones with `merged_into`). Left out when `object` is a stub. */
                merged_from?: components["schemas"]["ContactIdValue"][];
            };
        };
        /**
         * @description What wrote the event: `request` (your API request, `req_…`), `flow_run` (a run's step or the run itself,
         *     `frn_…`), `message` (a receipt of that message, `msg_…`, also when the provider's callback brought it),
         *     `webhook_delivery` (`whd_…`: its death, or its endpoint disabled), `broadcast` (a batch, `brd_…`) or `event`
         *     (the trigger event of a `flow_run.throttled`, `evt_…`). Null for maintenance. `depth` is 0 for your requests
         *     and broadcasts and grows by one with each flow run in the chain; events at depth 3 or deeper trigger no flow.
         */
        EventCause: {
            /** @enum {string} */
            type: "request" | "flow_run" | "message" | "webhook_delivery" | "broadcast" | "event";
            id: string;
            depth: number;
        } | null;
        /** @description A trigger that started no run because a run budget was spent (the object of `flow_run.throttled`). */
        FlowRunThrottle: {
            id: components["schemas"]["FlowRunIdValue"];
            /** @constant */
            object: "flow_run_throttle";
            livemode: components["schemas"]["Livemode"];
            flow_id: components["schemas"]["FlowIdValue"];
            flow_version: number;
            contact_id: components["schemas"]["ContactIdValue"];
            /** @description The event that would have started the run; `id` is the id that run would have had. */
            trigger_event_id: string;
            /**
             * @description The budget that was spent; running runs or runs started in the last minute, of the flow or of the workspace.
             * @enum {string}
             */
            reason: "flow_running_limit" | "flow_start_rate_limit" | "workspace_running_limit" | "workspace_start_rate_limit";
            limit: number;
            created_at: components["schemas"]["Timestamp"];
        };
        /** @description An event's object as a key sees it that cannot read the object's family (see "Events by scope"). */
        EventObjectStub: {
            /** @description The object's id (absent for `webhook_test`, which has none). */
            id?: string;
            object: string;
            livemode?: components["schemas"]["Livemode"];
        };
        ChannelIdValue: string;
        ConversationIdValue: string;
        MessageIdValue: string;
        ChannelCreate: {
            name: string;
            /** @enum {string} */
            provider: "sandbox" | "http" | "whatsapp_cloud";
            /**
             * Format: uri
             * @description Where an `http` channel POSTs messages (required for `http`).
             */
            url?: string;
            whatsapp?: components["schemas"]["WhatsAppChannelCreate"];
            /**
             * @description Messages handed to the provider per second at most, shared by every worker (a new WhatsApp Business number allows 80, a raised one up to 1,000).
             * @default 80
             * @example 80
             */
            rate_per_second?: number;
        } & (unknown & unknown);
        /**
         * @description The WhatsApp Cloud API number a `whatsapp_cloud` channel sends from (required for `whatsapp_cloud`, ignored
         *     otherwise). `access_token` and `app_secret` are write-only: stored encrypted, never shown again (the channel
         *     shows `access_token_hint`, the token's last 4 characters).
         */
        WhatsAppChannelCreate: {
            /**
             * @description The business phone number's id in the Cloud API.
             * @example 106540352242922
             */
            phone_number_id: string;
            /**
             * @description The WhatsApp Business Account id.
             * @example 102290129340398
             */
            waba_id: string;
            /** @description A system user's access token with whatsapp_business_messaging; sent as a bearer token. */
            access_token: string;
            /** @description The Meta app's secret: notifications are signed with it (`X-Hub-Signature-256`). */
            app_secret: string;
            /** @description The token Meta's webhook handshake must present; generated when not given. Either way it is answered once, as `verify_token` of the create response. */
            verify_token?: string;
            /**
             * @description Graph API version (default `v21.0`).
             * @example v21.0
             */
            api_version?: string;
            /**
             * Format: uri
             * @description The Graph API host (default `https://graph.facebook.com`). Another host follows the rules of `url` (`422
             *     channel_url_not_allowed`), and every send goes through the same guarded sender.
             */
            base_url?: string;
        };
        Channel: {
            id: components["schemas"]["ChannelIdValue"];
            /** @constant */
            object: "channel";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @enum {string} */
            provider: "sandbox" | "http" | "whatsapp_cloud";
            url: string | null;
            /** @description A `whatsapp_cloud` channel's Cloud API settings; `null` for other providers. */
            whatsapp: null | components["schemas"]["WhatsAppChannelSettings"];
            /**
             * @description Messages handed to the provider per second at most; half of it (at least 1) while `quality_rating` is `red`.
             * @example 80
             */
            rate_per_second: number;
            /**
             * @description A `whatsapp_cloud` number's quality as the provider's quality updates report it (`FLAGGED`: `red`,
             *     `UNFLAGGED`: `green`); `unknown` until the first update; `null` for other providers. While it is `red`
             *     the channel's sender hands over at half its `rate_per_second` (at least 1). A change emits
             *     `channel.quality_changed` with `previous_attributes`. A quality update names its number only by the
             *     display number, which the channel learns from the `metadata` of Meta's notifications about its
             *     `phone_number_id`: one that names another number is `ignored`, and so is one that comes before the channel
             *     has learned its number while another `whatsapp_cloud` channel of the workspace shares its `waba_id`.
             * @example green
             * @enum {string|null}
             */
            quality_rating: "green" | "yellow" | "red" | "unknown" | null;
            /**
             * @description How many unique contacts a `whatsapp_cloud` number may start conversations with in a rolling 24 hours, as
             *     the provider's quality updates report it (`current_limit`); `null` until the first update names one, and
             *     for other providers. It is the channel's daily recipient budget: every contact the channel queued an
             *     outbound message for in the last 24 hours counts once. A broadcast whose next batch would pass it queues
             *     what fits and pauses (`pause_reason: daily_recipient_budget`, `resumes_at`), then resumes by itself when
             *     enough of the window has passed; single sends count but are not held back. `null` and `tier_unlimited`:
             *     no budget. A change emits `channel.tier_changed` with `previous_attributes`.
             * @example tier_1k
             * @enum {string|null}
             */
            messaging_tier: "tier_250" | "tier_1k" | "tier_10k" | "tier_100k" | "tier_unlimited" | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ChannelWithSecret: {
            id: components["schemas"]["ChannelIdValue"];
            /** @constant */
            object: "channel";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @enum {string} */
            provider: "sandbox" | "http" | "whatsapp_cloud";
            url: string | null;
            /** @description A `whatsapp_cloud` channel's Cloud API settings; `null` for other providers. */
            whatsapp: null | components["schemas"]["WhatsAppChannelSettings"];
            /**
             * @description Messages handed to the provider per second at most; half of it (at least 1) while `quality_rating` is `red`.
             * @example 80
             */
            rate_per_second: number;
            /**
             * @description A `whatsapp_cloud` number's quality as the provider's quality updates report it (`FLAGGED`: `red`,
             *     `UNFLAGGED`: `green`); `unknown` until the first update; `null` for other providers. While it is `red`
             *     the channel's sender hands over at half its `rate_per_second` (at least 1). A change emits
             *     `channel.quality_changed` with `previous_attributes`. A quality update names its number only by the
             *     display number, which the channel learns from the `metadata` of Meta's notifications about its
             *     `phone_number_id`: one that names another number is `ignored`, and so is one that comes before the channel
             *     has learned its number while another `whatsapp_cloud` channel of the workspace shares its `waba_id`.
             * @example green
             * @enum {string|null}
             */
            quality_rating: "green" | "yellow" | "red" | "unknown" | null;
            /**
             * @description How many unique contacts a `whatsapp_cloud` number may start conversations with in a rolling 24 hours, as
             *     the provider's quality updates report it (`current_limit`); `null` until the first update names one, and
             *     for other providers. It is the channel's daily recipient budget: every contact the channel queued an
             *     outbound message for in the last 24 hours counts once. A broadcast whose next batch would pass it queues
             *     what fits and pauses (`pause_reason: daily_recipient_budget`, `resumes_at`), then resumes by itself when
             *     enough of the window has passed; single sends count but are not held back. `null` and `tier_unlimited`:
             *     no budget. A change emits `channel.tier_changed` with `previous_attributes`.
             * @example tier_1k
             * @enum {string|null}
             */
            messaging_tier: "tier_250" | "tier_1k" | "tier_10k" | "tier_100k" | "tier_unlimited" | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description HMAC key for `Sabnode-Signature`; shown once; `null` in a replay of the same Idempotency-Key. */
            signing_secret: string | null;
            /** @description A `whatsapp_cloud` channel's webhook verify token (the one given, or the one generated); shown once; `null` in a replay and for other providers. */
            verify_token: string | null;
        };
        WhatsAppChannelSettings: {
            /** @example 106540352242922 */
            phone_number_id: string;
            /** @example 102290129340398 */
            waba_id: string;
            /** @example v21.0 */
            api_version: string;
            /** @example https://graph.facebook.com */
            base_url: string;
            /**
             * @description The access token's last 4 characters.
             * @example x9Qa
             */
            access_token_hint: string | null;
            /**
             * Format: uri
             * @description The callback URL to give Meta (its verify token is the one the create answered).
             * @example https://api.sabnode.example/v1/channels/chn_0000000000000000000000000a/whatsapp/webhook
             */
            webhook_url: string;
        };
        /**
         * @description A WhatsApp Business Account notification as Meta sends it: the envelope is checked here; each change's `value`
         *     is read as the Cloud API documents it for its `field`, and one that is not in that shape is counted in
         *     `ignored`. Fields Meta adds later are accepted and ignored.
         */
        WhatsAppNotification: {
            /** @constant */
            object: "whatsapp_business_account";
            entry: {
                /** @description The WhatsApp Business Account id. */
                id: string | number;
                /** @description Unix seconds of the change (template and quality updates). */
                time?: number;
                changes: {
                    /** @description `messages`, `message_template_status_update`, `phone_number_quality_update`, … */
                    field: string;
                    value: Record<string, unknown>;
                }[];
            }[];
        };
        WhatsAppNotificationReceipt: {
            /** @constant */
            object: "whatsapp_notification";
            /** @description The inbound messages the notification's customer messages are (a message seen before names its first record). */
            messages_received: components["schemas"]["MessageIdValue"][];
            /** @description Statuses that moved something: a message status that matched an outbound message of the channel (a repeated or late one changes nothing but is counted), or a template status update that moved a template reviewed by this business account. */
            statuses_applied: number;
            /** @description Quality updates of the channel's number (see Channel `quality_rating`) that changed its `quality_rating` or `messaging_tier` (one older than the last applied, or a replay, is `ignored`). Absent from answers stored before quality updates were applied. */
            quality_updates_applied?: number;
            /** @description Items that change nothing here: senders without a phone number, statuses of unknown messages (one may name a message whose send is still being recorded: it is held for 10 minutes and applied when the send is recorded), quality updates that change nothing or are about another number, other change kinds. */
            ignored: number;
        };
        UsageCounts: {
            /** @description Messages handed to the provider. */
            sent: number;
            /** @description Of those, delivered (or read). */
            delivered: number;
            read: number;
            failed: number;
            /** @description Messages the provider's status notifications called billable. */
            billable: number;
            /** @description The billable messages by the provider's pricing category (`marketing`, `utility`, `authentication`, `service`, …); a category with none is left out. */
            billable_by_category: {
                [key: string]: number;
            };
        };
        Usage: {
            /** @constant */
            object: "usage";
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
            /** @description The `channel_id` filter given. */
            channel_id: string | null;
            /** @description The `broadcast_id` filter given. */
            broadcast_id: string | null;
            totals: components["schemas"]["UsageCounts"];
            /** @description One entry per UTC day of the range, oldest first. */
            data: components["schemas"]["UsageDay"][];
        };
        /** @description A day's counts, as in `UsageCounts`. */
        UsageDay: {
            /** Format: date */
            date: string;
            sent: number;
            delivered: number;
            read: number;
            failed: number;
            billable: number;
            billable_by_category: {
                [key: string]: number;
            };
        };
        ChannelList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Channel"][];
        };
        ConversationCreate: {
            contact_id: components["schemas"]["ContactIdValue"];
            channel_id: components["schemas"]["ChannelIdValue"];
            assignee?: string;
        };
        ConversationUpdate: {
            /** @enum {string} */
            status?: "open" | "closed";
            assignee?: string | null;
        };
        Conversation: {
            id: components["schemas"]["ConversationIdValue"];
            /** @constant */
            object: "conversation";
            livemode: components["schemas"]["Livemode"];
            contact_id: components["schemas"]["ContactIdValue"];
            channel_id: components["schemas"]["ChannelIdValue"];
            /** @enum {string} */
            status: "open" | "closed";
            assignee: string | null;
            /** Format: date-time */
            last_inbound_at: string | null;
            /**
             * Format: date-time
             * @description While set, free-form messages may be sent on WhatsApp-like channels.
             */
            service_window_ends_at: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ConversationList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Conversation"][];
        };
        MessageCreate: {
            /** @constant */
            type: "text";
            text: string;
            send_at?: components["schemas"]["SendAt"];
        } | {
            /** @constant */
            type: "template";
            template_id: string;
            /** @description The body's values for `{{1}}`, `{{2}}`, … of a `positional` template. */
            parameters?: string[];
            named_parameters?: components["schemas"]["TemplateNamedParameters"];
            header_parameter?: components["schemas"]["TemplateHeaderParameter"];
            header_file_id?: components["schemas"]["TemplateHeaderFileId"];
            button_parameters?: components["schemas"]["TemplateButtonParameters"];
            send_at?: components["schemas"]["SendAt"];
        } | {
            /** @constant */
            type: "media";
            file_id: string;
            /** @description Caption. */
            text?: string;
            send_at?: components["schemas"]["SendAt"];
        } | {
            /** @constant */
            type: "media";
            /** @example https://cdn.example.com/receipts/r-42.pdf */
            media_url: string;
            /** @enum {string} */
            media_type: "image" | "video" | "audio" | "document";
            /** @description The name a `document` is shown with. */
            filename?: string;
            /** @description Caption (`audio` is sent without it). */
            text?: string;
            send_at?: components["schemas"]["SendAt"];
        } | {
            /** @constant */
            type: "interactive";
            interactive: components["schemas"]["Interactive"];
            send_at?: components["schemas"]["SendAt"];
        };
        /** @description The body's (and a text header's) values by name, for a `named` template. */
        TemplateNamedParameters: {
            [key: string]: string;
        };
        /** @description The value of a text header's placeholder (`{{1}}`, or its name). */
        TemplateHeaderParameter: string;
        /** @description The file of an `image`, `video` or `document` header. */
        TemplateHeaderFileId: string;
        /** @description The tail each `url` button with a placeholder appends, by the button's position in `buttons` (from 0). */
        TemplateButtonParameters: {
            index: number;
            text: string;
        }[];
        /** @description Reply buttons or a list, in the shape and within the limits of WhatsApp's interactive messages. */
        Interactive: components["schemas"]["InteractiveReplyButtons"] | components["schemas"]["InteractiveList"];
        InteractiveText: {
            text: string;
        };
        InteractiveHeader: {
            /** @constant */
            type: "text";
            text: string;
        };
        InteractiveBody: {
            text: string;
        };
        InteractiveReplyButtons: {
            /** @constant */
            type: "button";
            header?: components["schemas"]["InteractiveHeader"];
            body: components["schemas"]["InteractiveBody"];
            footer?: components["schemas"]["InteractiveText"];
            action: {
                /** @description Ids and titles unique among the buttons. */
                buttons: {
                    /** @description Named by the reply when the customer taps it. */
                    id: string;
                    title: string;
                }[];
            };
        };
        InteractiveList: {
            /** @constant */
            type: "list";
            header?: components["schemas"]["InteractiveHeader"];
            body: components["schemas"]["InteractiveBody"];
            footer?: components["schemas"]["InteractiveText"];
            action: {
                /** @description The label of the button that opens the list. */
                button: string;
                /** @description At most ten rows across all sections; with more than one section, each has a title. */
                sections: {
                    title?: string;
                    rows: {
                        /** @description Unique among the rows; named by the reply when the customer picks the row. */
                        id: string;
                        title: string;
                        description?: string;
                    }[];
                }[];
            };
        };
        /** @description The reply button or list row an inbound message answers with; its title is the message's `text`. */
        InteractiveReply: {
            /** @enum {string} */
            type: "button_reply" | "list_reply";
            id: string;
        };
        /**
         * Format: date-time
         * @description Schedule the message instead of sending it now: it is stored `scheduled` (`message.scheduled`) and queued at
         *     this time, from one minute to 35 days after the request (else `422 send_at_out_of_range`).
         * @example 2026-12-24T09:00:00Z
         */
        SendAt: string;
        Message: {
            id: components["schemas"]["MessageIdValue"];
            /** @constant */
            object: "message";
            livemode: components["schemas"]["Livemode"];
            conversation_id: components["schemas"]["ConversationIdValue"];
            contact_id: components["schemas"]["ContactIdValue"];
            channel_id: components["schemas"]["ChannelIdValue"];
            /** @enum {string} */
            direction: "inbound" | "outbound";
            /** @enum {string} */
            type: "text" | "template" | "media" | "interactive";
            /** @description Masked without `pii:read`. An interactive message's body text; an interactive reply's title. */
            text: string | null;
            template_id: string | null;
            /** @description Each masked (`[masked]`) without `pii:read`. */
            parameters: string[] | null;
            /** @description A template send's named, header and button parameters, as sent (values masked without `pii:read`); null when it had none. */
            template_arguments: null | components["schemas"]["TemplateArguments"];
            file_id: string | null;
            /** @description A `media` message's medium by link, as sent (`url` and `filename` masked without `pii:read`); `null` for every other message. */
            media_link: null | {
                url: string;
                /** @enum {string} */
                type: "image" | "video" | "audio" | "document";
                filename: string | null;
            };
            /** @description An interactive message's reply buttons or list, as sent; `null` for other messages. Its texts (body, header, footer, titles, descriptions) are each `[masked]` without `pii:read`. */
            interactive: null | components["schemas"]["Interactive"];
            /** @description For an inbound message that answers an interactive message: the button or row chosen; `null` otherwise. */
            interactive_reply: null | components["schemas"]["InteractiveReply"];
            /**
             * @description `scheduled` waits for `send_at`, then becomes `queued` (or `failed` when a rule of sending refuses it then); `cancelled` was cancelled while scheduled.
             * @enum {string}
             */
            status: "scheduled" | "queued" | "sent" | "delivered" | "read" | "failed" | "cancelled" | "received";
            /** @description Why it failed: the provider's reason, or for a scheduled message refused at `send_at` the error code (`contact_opted_out`, `conversation_closed`, `outside_service_window`, `contact_not_found`). */
            failure_reason: string | null;
            /**
             * @description The failure as a stable code, when one is known: a `whatsapp_cloud` refusal mapped from the Cloud API's error
             *     code (`outside_customer_service_window` 131047, `provider_invalid_parameter`, `template_not_found_at_provider`,
             *     `template_paused`, `template_invalid`, `recipient_undeliverable`, `sender_restricted`, `provider_auth_failed`,
             *     `provider_rejected`, `provider_bad_response`; throttling and outages are retried, and only fail the message as
             *     `provider_rate_limited` or `provider_unavailable` after the last attempt), `whatsapp_message_invalid` for a
             *     message the Cloud API's documented limits refuse, `file_not_found` for a media message whose file was deleted
             *     before it was sent, `provider_rejected` and `address_not_allowed` for `http`
             *     providers, or for a scheduled message refused at `send_at` the error code.
             * @example outside_customer_service_window
             */
            failure_code: string | null;
            provider_message_id: string | null;
            /** @description What the provider says it charges for the message (WhatsApp Cloud API status notifications); `null` until one says. */
            pricing: null | {
                /** @example utility */
                category: string | null;
                billable: boolean | null;
                /** @example PMP */
                pricing_model: string | null;
            };
            /** Format: date-time */
            queued_at: string | null;
            /** Format: date-time */
            sent_at: string | null;
            /** Format: date-time */
            delivered_at: string | null;
            /** Format: date-time */
            read_at: string | null;
            /** Format: date-time */
            failed_at: string | null;
            /** Format: date-time */
            received_at: string | null;
            /**
             * Format: date-time
             * @description When a scheduled message is to be queued; null for a message sent at once.
             */
            send_at: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        MessageList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Message"][];
        };
        Timeline: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["Order"] | components["schemas"]["Message"] | components["schemas"]["Event"])[];
        };
        OptInRequest: {
            channel_id?: components["schemas"]["ChannelIdValue"];
            template_id?: string;
            parameters?: string[];
        };
        InboundMessage: {
            from: components["schemas"]["Phone"];
            /** @description The message text; for a reply to an interactive message, the title chosen. */
            text?: string;
            provider_message_id: string;
            interactive_reply?: components["schemas"]["InteractiveReply"];
        };
        MessageStatusCallback: {
            provider_message_id: string;
            /** @enum {string} */
            status: "sent" | "delivered" | "read" | "failed";
            reason?: string;
        };
        EventIdValue: string;
        EventList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Event"][];
        };
        FieldError: {
            /** @description JSON pointer into the request body, or `/query/<name>`, `/header/<name>` or `/path/<name>`. */
            pointer: string;
            code: string;
            message: string;
        };
        IdempotencyDiffEntry: {
            pointer: string;
            /** @description The value this request sent at `pointer` (absent when it sent none there). The first request's value is never shown. */
            received?: unknown;
        };
        /** @description RFC 9457 problem details. */
        Problem: {
            /**
             * Format: uri
             * @description Stable URI per `code`.
             */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description Machine-readable error code. */
            code: string;
            request_id: string;
            errors?: components["schemas"]["FieldError"][];
            /** @description With `idempotency_key_reused`, the JSON pointers (`/path/…` for path parameters) where this request differs from the first one under the same key, each with what this request sent there. */
            diff?: components["schemas"]["IdempotencyDiffEntry"][];
            /** @description With a uniqueness conflict, the id of the object that holds the value. */
            existing_id?: string;
            /** @description With `resource_missing` for a contact that was merged into another, the id of that contact. */
            merged_into?: string;
            missing_scopes?: string[];
            /** @description With `order_invalid_transition`, the statuses the order may move to now (empty when its status is final). */
            allowed_statuses?: components["schemas"]["OrderStatus"][];
        };
        BroadcastIdValue: string;
        /** @enum {string} */
        BroadcastStatus: "draft" | "scheduled" | "sending" | "paused" | "completed" | "cancelled";
        /** @enum {string} */
        BroadcastRecipientStatus: "pending" | "queued" | "sent" | "delivered" | "read" | "failed" | "skipped" | "cancelled";
        /** @description Every condition given must hold. */
        BroadcastAudienceFilter: {
            /** @description Attribute values the contact must have, each compared for equality. */
            attributes?: {
                [key: string]: string | number | boolean;
            };
            /** @description `true`: only contacts whose latest consent is an opt-in; `false`: only the others. */
            opted_in?: boolean;
            /** @description Tags the contact must all carry. */
            tags?: components["schemas"]["TagNameInput"][];
        };
        BroadcastAudience: {
            tag: components["schemas"]["TagNameInput"];
        } | {
            contact_ids: components["schemas"]["ContactIdValue"][];
        } | {
            filter: components["schemas"]["BroadcastAudienceFilter"];
        };
        /** @description A template send's values beside its positional `parameters`, each present only when given. */
        TemplateArguments: {
            named_parameters?: {
                [key: string]: string;
            };
            header_parameter?: string;
            header_file_id?: string;
            button_parameters?: {
                index: number;
                text: string;
            }[];
        };
        BroadcastCreate: {
            name: string;
            channel_id: components["schemas"]["ChannelIdValue"];
            template_id: components["schemas"]["TemplateIdValue"];
            /** @description The body's values for `{{1}}`, `{{2}}`, … of a `positional` template, the same for every recipient. */
            parameters?: string[];
            named_parameters?: components["schemas"]["TemplateNamedParameters"];
            header_parameter?: components["schemas"]["TemplateHeaderParameter"];
            header_file_id?: components["schemas"]["TemplateHeaderFileId"];
            button_parameters?: components["schemas"]["TemplateButtonParameters"];
            audience: components["schemas"]["BroadcastAudience"];
            /**
             * Format: date-time
             * @description When to start; absent, null or past starts at send.
             */
            scheduled_at?: string | null;
            /**
             * @description Messages created per second at most.
             * @default 50
             */
            rate_per_second?: number;
        };
        BroadcastCounts: {
            total: number;
            pending: number;
            queued: number;
            sent: number;
            delivered: number;
            read: number;
            failed: number;
            skipped: number;
            cancelled: number;
        };
        Broadcast: {
            id: components["schemas"]["BroadcastIdValue"];
            /** @constant */
            object: "broadcast";
            livemode: components["schemas"]["Livemode"];
            name: string;
            status: components["schemas"]["BroadcastStatus"];
            /**
             * @description Why a `paused` broadcast is paused: `requested` (`POST …/pause`; it waits for `POST …/resume`) or
             *     `daily_recipient_budget` (its channel's `messaging_tier` allows no more new contacts in the rolling 24
             *     hours: it resumes by itself at `resumes_at`, with `broadcast.resumed`, and no recipient is failed for it).
             *     `null` when not paused.
             * @example daily_recipient_budget
             * @enum {string|null}
             */
            pause_reason: "requested" | "daily_recipient_budget" | null;
            /**
             * Format: date-time
             * @description When a broadcast paused by `daily_recipient_budget` resumes by itself; `null` otherwise.
             */
            resumes_at: string | null;
            channel_id: components["schemas"]["ChannelIdValue"];
            template_id: components["schemas"]["TemplateIdValue"];
            parameters: string[];
            /** @description The named, header and button values every recipient's message is sent with; null when none. */
            template_arguments: null | components["schemas"]["TemplateArguments"];
            /** @description The audience as given; a `contact_ids` audience shows its `contact_count` instead of the ids. */
            audience: {
                /** @enum {string} */
                type: "tag" | "contact_ids" | "filter";
                tag?: string;
                contact_count?: number;
                filter?: components["schemas"]["BroadcastAudienceFilter"];
            };
            /** Format: date-time */
            scheduled_at: string | null;
            rate_per_second: number;
            counts: components["schemas"]["BroadcastCounts"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** Format: date-time */
            started_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            cancelled_at: string | null;
        };
        OAuthAppCreate: {
            /** @description Shown to the workspace owner on the consent page. */
            name: string;
            /** @description Where the owner's browser returns with the code; a request must name one of them exactly. */
            redirect_uris: string[];
            /** @description The most a token of this app can carry. Not `keys:write`. */
            scopes: components["schemas"]["Scope"][];
        };
        OAuthApp: {
            id: string;
            /** @constant */
            object: "oauth_app";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @description The OAuth `client_id`; the app's `id`. */
            client_id: string;
            /** @description The secret's prefix and its last four characters. */
            client_secret_hint: string;
            redirect_uris: string[];
            scopes: components["schemas"]["Scope"][];
            /** @description The version its tokens' requests use when they send no `Api-Version`. */
            api_version: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        OAuthAppWithSecret: {
            id: string;
            /** @constant */
            object: "oauth_app";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @description The OAuth `client_id`; the app's `id`. */
            client_id: string;
            /** @description The secret's prefix and its last four characters. */
            client_secret_hint: string;
            redirect_uris: string[];
            scopes: components["schemas"]["Scope"][];
            /** @description The version its tokens' requests use when they send no `Api-Version`. */
            api_version: string;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The client secret, shown once; `null` in a replay of the same Idempotency-Key. */
            client_secret: string | null;
        };
        /** @description A deleted app (the answer to a delete, and a tombstone in `updated_since` lists). */
        DeletedOAuthApp: {
            id: string;
            /** @constant */
            object: "oauth_app";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        OAuthAppList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["OAuthApp"] | components["schemas"]["DeletedOAuthApp"])[];
        };
        ConnectedApp: {
            /** @description The app's id (its OAuth `client_id`). */
            id: string;
            /** @constant */
            object: "connected_app";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @description What its grants here carry together. */
            scopes: components["schemas"]["Scope"][];
            connected_at: components["schemas"]["Timestamp"];
            last_authorized_at: components["schemas"]["Timestamp"];
        };
        DisconnectedApp: {
            id: string;
            /** @constant */
            object: "connected_app";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
        };
        ConnectedAppList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["ConnectedApp"][];
        };
        EnvironmentPromotionCreate: {
            /**
             * @description Report what would be done; write nothing but the promotion's record.
             * @default false
             */
            dry_run?: boolean;
            /** @description The kinds to promote; default all four. A flow's templates are matched by name whether or not templates are included. */
            include?: ("contact_attribute" | "template" | "flow" | "webhook_endpoint")[];
        };
        EnvironmentPromotionItem: {
            /** @enum {string} */
            type: "contact_attribute" | "template" | "flow" | "webhook_endpoint";
            /** @description What matched it across the sides: the key, the name or the URL. */
            name: string;
            /** @description The object on the test side. */
            test_id: string;
            /** @description Its live counterpart: the one matched, or the one made (null in a dry run that would create it, and for a skipped or failed create). */
            live_id: string | null;
            /**
             * @description `create` and `update` are what was done (or, in a dry run, what would be); `skipped` carries its `reason`, `failed` its `error`.
             * @enum {string}
             */
            action: "create" | "update" | "unchanged" | "skipped" | "failed";
            /** @description The fields created or updated. */
            changed: string[];
            reason: string | null;
            error: {
                /** @description The error code the item's command was refused with. */
                code: string;
                detail: string | null;
            } | null;
        };
        EnvironmentPromotion: {
            id: string;
            /** @constant */
            object: "environment_promotion";
            livemode: components["schemas"]["Livemode"];
            dry_run: boolean;
            /** @enum {string} */
            status: "previewed" | "completed" | "completed_with_failures";
            summary: {
                create: number;
                update: number;
                unchanged: number;
                skipped: number;
                failed: number;
            };
            items: components["schemas"]["EnvironmentPromotionItem"][];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        EnvironmentPromotionList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["EnvironmentPromotion"][];
        };
        BroadcastList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["Broadcast"][];
        };
        BroadcastRecipient: {
            /** @constant */
            object: "broadcast_recipient";
            broadcast_id: components["schemas"]["BroadcastIdValue"];
            contact_id: components["schemas"]["ContactIdValue"];
            status: components["schemas"]["BroadcastRecipientStatus"];
            /** @description The recipient's message, once created. */
            message_id: string | null;
            /** @description Why no message was created: an error code such as `contact_opted_out`. */
            skip_reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        BroadcastRecipientList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["BroadcastRecipient"][];
        };
        /** @description Exactly one of the three. */
        PrivacyPurgeCreate: {
            contact_id?: components["schemas"]["ContactIdValue"];
            phone?: components["schemas"]["PhoneInput"];
            email?: components["schemas"]["Email"];
        };
        PrivacyPurgeStage: {
            /** @enum {string} */
            name: "flow_runs" | "scheduled_messages" | "webhook_deliveries" | "events" | "files" | "conversations_and_messages" | "orders" | "bulk_job_items" | "idempotency_keys" | "tags" | "audit_logs" | "contacts" | "temporal" | "backups";
            /**
             * @description `waiting`: started, with something still to clear (backups still pending, or a workflow history whose deletion the server has not finished).
             * @enum {string}
             */
            status: "pending" | "cleared" | "waiting";
            cleared_at: components["schemas"]["Timestamp"] | null;
            /** @description Rows, histories or backups the stage changed. */
            cleared: number;
            /** @description While the stage is `waiting` (or retried): what it waits for, in a few words, such as `commands about the subject still running or not yet answered: 2`, `workflow histories being deleted: 1`, `uploads at WhatsApp not yet deleted: 1` (the `files` stage: a purged file's uploads to `whatsapp_cloud` channels are deleted at Meta, each tried for about a quarter of an hour) or `backups not yet rewritten: 3`. Null once cleared. A pending idempotency claim whose workflow never started is released after `STALE_CLAIM_MS` (5 minutes), so no stage waits on one for longer. */
            waiting_for: string | null;
        };
        PrivacyPurgePass: {
            pass: number;
            /** @description Rows each store cleared in this pass, by stage name (a store not yet run in this pass is absent). */
            cleared: {
                [key: string]: number;
            };
            started_at: components["schemas"]["Timestamp"];
            finished_at: components["schemas"]["Timestamp"] | null;
        };
        PrivacyPurgeBackup: {
            id: string;
            taken_at: components["schemas"]["Timestamp"];
            /** @description Clean by then at the latest (rewritten, or expired under the backup retention), never later than 90 days after the purge. */
            due_at: components["schemas"]["Timestamp"];
            /**
             * @description `cleared`: rewritten without the subject. `expired`: deleted under the backup retention. `discarded`: a backup whose writing was cut short (its writer died or failed), deleted whole: it could never be restored.
             * @enum {string}
             */
            status: "pending" | "cleared" | "expired" | "discarded";
            cleared_at: components["schemas"]["Timestamp"] | null;
        };
        /**
         * @example {
         *       "id": "prg_0v4y5kq3n8m2p7r6s9t1w3x5z7",
         *       "object": "privacy_purge",
         *       "livemode": true,
         *       "match": "phone",
         *       "status": "waiting_for_backups",
         *       "previously_purged": false,
         *       "stages": [
         *         {
         *           "name": "contacts",
         *           "status": "cleared",
         *           "cleared_at": "2026-11-26T10:00:02.120Z",
         *           "cleared": 1,
         *           "waiting_for": null
         *         },
         *         {
         *           "name": "backups",
         *           "status": "waiting",
         *           "cleared_at": null,
         *           "cleared": 0,
         *           "waiting_for": "backups not yet rewritten: 1"
         *         }
         *       ],
         *       "passes": [
         *         {
         *           "pass": 1,
         *           "cleared": {
         *             "events": 3,
         *             "contacts": 1
         *           },
         *           "started_at": "2026-11-26T10:00:01.000Z",
         *           "finished_at": "2026-11-26T10:00:02.000Z"
         *         },
         *         {
         *           "pass": 2,
         *           "cleared": {
         *             "events": 0,
         *             "contacts": 0
         *           },
         *           "started_at": "2026-11-26T10:00:02.000Z",
         *           "finished_at": "2026-11-26T10:00:02.200Z"
         *         }
         *       ],
         *       "pending_backups": [
         *         {
         *           "id": "bkp_0v4y5kq3n8m2p7r6s9t1w3x5z7",
         *           "taken_at": "2026-11-25T00:00:00.000Z",
         *           "due_at": "2026-12-25T00:00:00.000Z",
         *           "status": "pending",
         *           "cleared_at": null
         *         }
         *       ],
         *       "backups": [
         *         {
         *           "id": "bkp_0v4y5kq3n8m2p7r6s9t1w3x5z7",
         *           "taken_at": "2026-11-25T00:00:00.000Z",
         *           "due_at": "2026-12-25T00:00:00.000Z",
         *           "status": "pending",
         *           "cleared_at": null
         *         }
         *       ],
         *       "created_at": "2026-11-26T10:00:00.000Z",
         *       "updated_at": "2026-11-26T10:00:03.000Z",
         *       "completed_at": null
         *     }
         */
        PrivacyPurge: {
            id: string;
            /** @constant */
            object: "privacy_purge";
            livemode: components["schemas"]["Livemode"];
            /**
             * @description Which identifier the request named; the identifier itself is never shown or kept.
             * @enum {string}
             */
            match: "contact_id" | "phone" | "email";
            /**
             * @description `waiting_for_backups`: every live store is clear; older backups are still being rewritten. `failed`: the last allowed pass over the stores still cleared something (see `passes`); the subject stays fenced and the purge does not claim to be complete.
             * @enum {string}
             */
            status: "running" | "waiting_for_backups" | "completed" | "failed";
            /** @description An earlier purge of this workspace matched one of the same identifiers. */
            previously_purged: boolean;
            stages: components["schemas"]["PrivacyPurgeStage"][];
            /** @description Each pass over the PostgreSQL stores, in order; the last of a clean purge cleared nothing. */
            passes: components["schemas"]["PrivacyPurgePass"][];
            /** @description The backups that may still hold the subject, with their due dates. */
            pending_backups: components["schemas"]["PrivacyPurgeBackup"][];
            /** @description Every backup the purge reaches (taken before the live stores were clear). */
            backups: components["schemas"]["PrivacyPurgeBackup"][];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            completed_at: components["schemas"]["Timestamp"] | null;
        };
        PrivacyPurgeList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["PrivacyPurge"][];
        };
        FlowIdValue: string;
        FlowRunIdValue: string;
        /** @enum {string} */
        FlowStatus: "inactive" | "active";
        /** @enum {string} */
        FlowRunStatus: "running" | "completed" | "failed" | "cancelled";
        FlowName: string;
        /** @description Unique within the flow; `branch` steps name their targets by it. */
        FlowStepId: string;
        FlowTrigger: components["schemas"]["FlowTriggerManual"] | components["schemas"]["FlowTriggerEvent"] | components["schemas"]["FlowTriggerInboundMessage"];
        FlowTriggerManual: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "manual";
        };
        FlowTriggerEvent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "event";
            /** @description An event type such as `contact.updated` or `order.paid`; not `flow_run.*` or `webhook_delivery.*` (`422 flow_trigger_not_allowed`). */
            event_type: string;
            filter?: components["schemas"]["FlowEventFilter"];
        };
        /** @description Every condition given must hold. */
        FlowEventFilter: {
            tag_added?: components["schemas"]["TagNameInput"];
            tag_removed?: components["schemas"]["TagNameInput"];
            /** @description Equality on `data.object`: keys are dotted paths (`status`, `attributes.plan`). */
            fields?: {
                [key: string]: string | number | boolean | null;
            };
        };
        FlowTriggerInboundMessage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "inbound_message";
            keyword: string;
            /**
             * @default exact
             * @enum {string}
             */
            match?: "exact" | "contains";
        };
        FlowStep: components["schemas"]["FlowStepSendMessage"] | components["schemas"]["FlowStepWait"] | components["schemas"]["FlowStepAddTag"] | components["schemas"]["FlowStepRemoveTag"] | components["schemas"]["FlowStepUpdateContact"] | components["schemas"]["FlowStepHttpRequest"] | components["schemas"]["FlowStepBranch"] | components["schemas"]["FlowStepEnd"];
        /** @description A template (with the values a message takes for it) or `text`, exactly one of them. */
        FlowStepSendMessage: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "send_message";
            channel_id: components["schemas"]["ChannelIdValue"];
            template_id?: components["schemas"]["TemplateIdValue"];
            parameters?: string[];
            named_parameters?: components["schemas"]["TemplateNamedParameters"];
            header_parameter?: components["schemas"]["TemplateHeaderParameter"];
            header_file_id?: components["schemas"]["TemplateHeaderFileId"];
            button_parameters?: components["schemas"]["TemplateButtonParameters"];
            text?: string;
        };
        /** @description `duration_seconds` or `until`, exactly one of them; a time already past waits no time. */
        FlowStepWait: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "wait";
            duration_seconds?: number;
            until?: components["schemas"]["Timestamp"];
        };
        FlowStepAddTag: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "add_tag";
            tags: components["schemas"]["TagNameInput"][];
        };
        /** @description A contact that does not carry the tag is no change. */
        FlowStepRemoveTag: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "remove_tag";
            tag: components["schemas"]["TagNameInput"];
        };
        FlowStepUpdateContact: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "update_contact";
            /** @description Checked when the step runs, against the workspace's contact attribute definitions of that moment; a value that does not fit fails the step and the run (`failure_reason` `invalid_attributes`). */
            attributes: components["schemas"]["AttributesPatch"];
        };
        FlowStepHttpRequest: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "http_request";
            /** Format: uri */
            url: string;
            /** @description Sent as `data` in the signed POST. */
            body?: Record<string, unknown>;
        };
        FlowStepBranch: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "branch";
            condition: components["schemas"]["FlowCondition"];
            then: components["schemas"]["FlowStepId"];
            else: components["schemas"]["FlowStepId"];
        };
        /** @description The contact carries `tag`, or its attribute `attribute` equals `equals`. */
        FlowCondition: {
            tag: components["schemas"]["TagNameInput"];
        } | {
            attribute: string;
            equals: string | number | boolean;
        };
        FlowStepEnd: {
            id: components["schemas"]["FlowStepId"];
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "end";
        };
        FlowSteps: components["schemas"]["FlowStep"][];
        FlowCreate: {
            name: components["schemas"]["FlowName"];
            trigger: components["schemas"]["FlowTrigger"];
            steps: components["schemas"]["FlowSteps"];
        };
        FlowUpdate: {
            name?: components["schemas"]["FlowName"];
            trigger?: components["schemas"]["FlowTrigger"];
            steps?: components["schemas"]["FlowSteps"];
        };
        Flow: {
            id: components["schemas"]["FlowIdValue"];
            /** @constant */
            object: "flow";
            livemode: components["schemas"]["Livemode"];
            name: components["schemas"]["FlowName"];
            status: components["schemas"]["FlowStatus"];
            /** @description The current version; each change of trigger or steps adds one. */
            version: number;
            trigger: components["schemas"]["FlowTrigger"];
            steps: components["schemas"]["FlowSteps"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        FlowWithSecret: {
            id: components["schemas"]["FlowIdValue"];
            /** @constant */
            object: "flow";
            livemode: components["schemas"]["Livemode"];
            name: components["schemas"]["FlowName"];
            status: components["schemas"]["FlowStatus"];
            /** @description The current version; each change of trigger or steps adds one. */
            version: number;
            trigger: components["schemas"]["FlowTrigger"];
            steps: components["schemas"]["FlowSteps"];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description Signs the flow's `http_request` calls (`whsec_` + standard base64 of 24 random bytes); shown once; `null` in a replay of the same Idempotency-Key. */
            signing_secret: string | null;
        };
        /** @description A deleted flow (the answer to a delete, and a tombstone in `updated_since` lists). */
        DeletedFlow: {
            id: components["schemas"]["FlowIdValue"];
            /** @constant */
            object: "flow";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            created_at: components["schemas"]["Timestamp"];
            /** @description When the flow was deleted. */
            updated_at: components["schemas"]["Timestamp"];
        };
        FlowList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["Flow"] | components["schemas"]["DeletedFlow"])[];
        };
        FlowRunCreate: {
            contact_id: components["schemas"]["ContactIdValue"];
        };
        FlowRunStep: {
            step_id: components["schemas"]["FlowStepId"];
            /** @enum {string} */
            type: "send_message" | "wait" | "add_tag" | "remove_tag" | "update_contact" | "http_request" | "branch" | "end";
            /** @enum {string} */
            status: "running" | "completed" | "failed" | "cancelled";
            started_at: components["schemas"]["Timestamp"];
            finished_at: components["schemas"]["Timestamp"] | null;
            /**
             * @description What the step did: `message_id` (send_message), `changed` (tags and contact updates), `status_code`
             *     (http_request), `next_step_id` (branch), `resume_at` (wait), or `error` (`code`, `message`) when it failed.
             */
            outcome: Record<string, unknown> | null;
        };
        FlowRun: {
            id: components["schemas"]["FlowRunIdValue"];
            /** @constant */
            object: "flow_run";
            livemode: components["schemas"]["Livemode"];
            flow_id: components["schemas"]["FlowIdValue"];
            /** @description The version this run follows from start to end. */
            flow_version: number;
            contact_id: components["schemas"]["ContactIdValue"];
            status: components["schemas"]["FlowRunStatus"];
            /** @description The event that started the run; null for manual runs. */
            trigger_event_id: string | null;
            failure_reason: string | null;
            /** @description The step log (on retrieve and cancel, not in lists). */
            steps?: components["schemas"]["FlowRunStep"][];
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            finished_at: components["schemas"]["Timestamp"] | null;
        };
        FlowRunList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["FlowRun"][];
        };
        ApiKeyIdValue: string;
        /**
         * @description A scope such as `contacts:read`; see `x-scopes` on each operation.
         * @enum {string}
         */
        Scope: "contacts:read" | "contacts:write" | "conversations:read" | "conversations:write" | "messages:read" | "messages:write" | "channels:read" | "channels:write" | "tags:read" | "tags:write" | "templates:read" | "templates:write" | "orders:read" | "orders:write" | "files:read" | "files:write" | "events:read" | "bulk:read" | "pii:read" | "keys:write" | "privacy:write" | "webhooks:read" | "webhooks:write" | "keys:read" | "audit:read" | "workspace:read" | "workspace:write" | "flows:read" | "flows:write" | "broadcasts:read" | "broadcasts:write";
        /** @description An IPv4 or IPv6 address (`203.0.113.7`, `2001:db8::1`) or CIDR (`10.0.0.0/8`, `2001:db8::/32`). */
        Cidr: string;
        /** @description `allowed_origins` is for publishable keys only: a secret key takes none (absent or null). */
        ApiKeyCreate: {
            name: string;
            /**
             * @default secret
             * @enum {string}
             */
            type?: "secret" | "publishable";
            /** @description The side the key works on: `false` mints a test key (`sk_test_…`, `pk_test_…`) for the workspace's test side. Default the calling key's own side. A test key mints only test keys (`403 live_key_required`). A key minted for the other side is shown once, here, and is then managed from that side. */
            livemode?: boolean;
            /** @description Scopes the calling key holds itself. Default for a publishable key `[templates:read]`, for a secret key none. */
            scopes?: components["schemas"]["Scope"][];
            /** @description Where the key may be used from (the client address; `X-Forwarded-For` counts only from the deployment's trusted proxies). Absent or null, anywhere. */
            allowed_ips?: components["schemas"]["Cidr"][] | null;
            /** @description Publishable keys only: browser origins (`https://shop.example.com`) allowed to use the key. Absent or null, any origin. */
            allowed_origins?: string[] | null;
            /**
             * Format: date-time
             * @description When the key stops working (`401 api_key_expired`); a time not in the future is `422 api_key_expiry_past`.
             */
            expires_at?: string | null;
            /**
             * @description The version pinned to the key (any supported version); default the workspace's.
             * @enum {string}
             */
            api_version?: "2026-11-01" | "2025-06-01";
        };
        ApiKeyRoll: {
            /**
             * @description How long the old secret keeps working.
             * @default 86400
             */
            overlap_seconds?: number;
        };
        ApiKey: {
            id: components["schemas"]["ApiKeyIdValue"];
            /** @constant */
            object: "api_key";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @enum {string} */
            type: "secret" | "publishable";
            /** @description The key's prefix and the last four characters of its secret. */
            secret_hint: string;
            scopes: components["schemas"]["Scope"][];
            allowed_ips: string[] | null;
            allowed_origins: string[] | null;
            api_version: string;
            expires_at: components["schemas"]["Timestamp"] | null;
            /** @description After a roll, until when the previous secret still works; null when only the current one does. */
            previous_secret_expires_at: components["schemas"]["Timestamp"] | null;
            /** @description When the key was last used (written at most once a minute, so up to a minute old). */
            last_used_at: components["schemas"]["Timestamp"] | null;
            /** @description The client address of that use. */
            last_used_ip: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ApiKeyWithSecret: {
            id: components["schemas"]["ApiKeyIdValue"];
            /** @constant */
            object: "api_key";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @enum {string} */
            type: "secret" | "publishable";
            /** @description The key's prefix and the last four characters of its secret. */
            secret_hint: string;
            scopes: components["schemas"]["Scope"][];
            allowed_ips: string[] | null;
            allowed_origins: string[] | null;
            api_version: string;
            expires_at: components["schemas"]["Timestamp"] | null;
            /** @description After a roll, until when the previous secret still works; null when only the current one does. */
            previous_secret_expires_at: components["schemas"]["Timestamp"] | null;
            /** @description When the key was last used (written at most once a minute, so up to a minute old). */
            last_used_at: components["schemas"]["Timestamp"] | null;
            /** @description The client address of that use. */
            last_used_ip: string | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
            /** @description The secret, shown once; `null` in a replay of the same Idempotency-Key. */
            secret: string | null;
        };
        /** @description A revoked key (the answer to a revocation, and a tombstone in `updated_since` lists). */
        DeletedApiKey: {
            id: components["schemas"]["ApiKeyIdValue"];
            /** @constant */
            object: "api_key";
            livemode: components["schemas"]["Livemode"];
            /** @constant */
            deleted: true;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        ApiKeyList: components["schemas"]["ListEnvelope"] & {
            data: (components["schemas"]["ApiKey"] | components["schemas"]["DeletedApiKey"])[];
        };
        Workspace: {
            id: string;
            /** @constant */
            object: "workspace";
            livemode: components["schemas"]["Livemode"];
            name: string;
            /** @description The version new keys are pinned to by default. */
            api_version: string;
            /** @description Whether every response that shows personal data in clear writes a `pii.read` audit record. */
            pii_read_audit: boolean;
            /** @description Whether contact writes may set `attributes` keys that no contact attribute definition names (`true` by default). When `false`, such a key is `422 invalid_attributes` (error code `undefined_attribute`); values contacts already hold stay. */
            allow_undefined_attributes: boolean;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        WorkspaceUpdate: {
            pii_read_audit?: boolean;
            allow_undefined_attributes?: boolean;
        };
        AuditLog: {
            id: string;
            /** @constant */
            object: "audit_log";
            livemode: components["schemas"]["Livemode"];
            /** @description `pii.read`, `api_key.created`, `api_key.rolled`, `api_key.revoked`, `workspace.updated`, `purge.…`, `mcp.tool_called` */
            action: string;
            /** @description The key that acted, or the OAuth app (`oap_…`) whose token did. */
            key_id: string | null;
            operation_id: string | null;
            /** @description The objects concerned (for `pii.read`, those whose personal fields were shown). */
            object_ids: string[];
            /** @description For `pii.read`, the personal fields shown, as `<object>.<field>` (`contact.phone`, `message.text`, `contact.previous_attributes.email`). */
            fields: string[];
            client_ip: string | null;
            request_id: string | null;
            /** @description What the action was (scopes granted, the overlap of a roll); never personal data. */
            details: Record<string, unknown> | null;
            created_at: components["schemas"]["Timestamp"];
            updated_at: components["schemas"]["Timestamp"];
        };
        AuditLogList: components["schemas"]["ListEnvelope"] & {
            data: components["schemas"]["AuditLog"][];
        };
    };
    responses: {
        /** @description The endpoint, with its signing secret (shown only in this response; `null` when the response is a replay). */
        WebhookEndpointCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookEndpointWithSecret"];
            };
        };
        /** @description The endpoint, with its new signing secret (shown only in this response; `null` when the response is a replay). */
        WebhookEndpointSecretRotated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookEndpointWithSecret"];
            };
        };
        /** @description The endpoint. */
        WebhookEndpointOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookEndpoint"];
            };
        };
        /** @description A page of endpoints. */
        WebhookEndpointListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookEndpointList"];
            };
        };
        /** @description The deleted endpoint. */
        WebhookEndpointDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedWebhookEndpoint"];
            };
        };
        /** @description The delivery; its attempts follow the retry timetable. */
        WebhookDeliveryAccepted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookDelivery"];
            };
        };
        /** @description The test's delivery with its first attempt (`attempts`); a failed one is retried on the timetable. */
        WebhookTestSent: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookDelivery"];
            };
        };
        /** @description Every event type, with the JSON Schema of its webhook payload in each supported API version. */
        EventTypeListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EventTypeList"];
            };
        };
        /** @description The delivery with every attempt. */
        WebhookDeliveryOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookDelivery"];
            };
        };
        /** @description A page of deliveries, newest first (without attempts). */
        WebhookDeliveryListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookDeliveryList"];
            };
        };
        /** @description Dry run: how many deliveries a replay would redeliver. */
        WebhookReplayCounted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookReplay"];
            };
        };
        /** @description The replay started; the deliveries are redelivered in the background. */
        WebhookReplayAccepted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookReplay"];
            };
        };
        /** @description Every item was applied or refused; one result per item, in input order. */
        BulkJobDone: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "blk_8q3m5v0c2x7n4k9h1r6t0w2y5z",
                 *       "object": "bulk_job",
                 *       "livemode": true,
                 *       "operation": "bulkUpsertContacts",
                 *       "status": "completed",
                 *       "total": 3,
                 *       "processed": 3,
                 *       "succeeded": 2,
                 *       "failed": 1,
                 *       "created_at": "2026-11-26T10:00:00.000Z",
                 *       "updated_at": "2026-11-26T10:00:00.412Z",
                 *       "completed_at": "2026-11-26T10:00:00.412Z",
                 *       "results": [
                 *         {
                 *           "index": 0,
                 *           "status": 200,
                 *           "id": "ctc_3v9b4k6d0h2j8w4n1xq8m2r7c",
                 *           "error": null
                 *         },
                 *         {
                 *           "index": 1,
                 *           "status": 201,
                 *           "id": "ctc_5n1xq8m2r7c3v9b4k6d0h2j8w",
                 *           "error": null
                 *         },
                 *         {
                 *           "index": 2,
                 *           "status": 400,
                 *           "id": null,
                 *           "error": {
                 *             "type": "https://docs.sabnode.com/errors/invalid_request",
                 *             "title": "The request is invalid",
                 *             "status": 400,
                 *             "detail": "/items/2/phone: must match pattern \"^\\+[1-9][0-9]{6,14}$\"",
                 *             "code": "invalid_request",
                 *             "request_id": "req_0f3a9c1b2d4e5f6a7b8c9d0e",
                 *             "errors": [
                 *               {
                 *                 "pointer": "/items/2/phone",
                 *                 "code": "pattern",
                 *                 "message": "must match pattern \"^\\+[1-9][0-9]{6,14}$\""
                 *               }
                 *             ]
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["BulkJobWithResults"];
            };
        };
        /** @description The job did not finish within the synchronous bound; it goes on. Poll it at `Location`. */
        BulkJobAccepted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                /** @description The job: `/v1/bulk-jobs/{id}`. */
                Location?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BulkJob"];
            };
        };
        /** @description The bulk job. */
        BulkJobOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BulkJob"];
            };
        };
        /** @description A page of item results. */
        BulkItemResultListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BulkItemResultList"];
            };
        };
        /** @description The channel, with its signing secret (shown only in this response; `null` when the response is a replay). */
        ChannelCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ChannelWithSecret"];
            };
        };
        /** @description The challenge, echoed as it was sent. */
        WhatsAppChallengeOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                /** @example 1158201444 */
                "text/plain": string;
            };
        };
        /** @description What the notification changed. */
        WhatsAppNotificationOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WhatsAppNotificationReceipt"];
            };
        };
        /** @description The channel. */
        ChannelOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Channel"];
            };
        };
        /** @description A page of channels. */
        ChannelListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ChannelList"];
            };
        };
        /** @description The conversation was opened. */
        ConversationCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Conversation"];
            };
        };
        /** @description The conversation. */
        ConversationOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Conversation"];
            };
        };
        /** @description A page of conversations. */
        ConversationListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConversationList"];
            };
        };
        /** @description The message. */
        MessageCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description The message. */
        MessageOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Message"];
            };
        };
        /** @description A page of the contact's timeline, newest first. */
        TimelineOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Timeline"];
            };
        };
        /** @description A page of messages, newest first. */
        MessageListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageList"];
            };
        };
        /** @description The usage of the range, day by day. */
        UsageOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "object": "usage",
                 *       "from": "2026-12-03",
                 *       "to": "2026-12-04",
                 *       "channel_id": null,
                 *       "broadcast_id": "brd_0000000000000000000000000a",
                 *       "totals": {
                 *         "sent": 3,
                 *         "delivered": 3,
                 *         "read": 1,
                 *         "failed": 1,
                 *         "billable": 3,
                 *         "billable_by_category": {
                 *           "marketing": 2,
                 *           "utility": 1
                 *         }
                 *       },
                 *       "data": [
                 *         {
                 *           "date": "2026-12-03",
                 *           "sent": 0,
                 *           "delivered": 0,
                 *           "read": 0,
                 *           "failed": 0,
                 *           "billable": 0,
                 *           "billable_by_category": {}
                 *         },
                 *         {
                 *           "date": "2026-12-04",
                 *           "sent": 3,
                 *           "delivered": 3,
                 *           "read": 1,
                 *           "failed": 1,
                 *           "billable": 3,
                 *           "billable_by_category": {
                 *             "marketing": 2,
                 *             "utility": 1
                 *           }
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Usage"];
            };
        };
        /** @description A page of the workspace's messages, newest first by the sort column. */
        WorkspaceMessageListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MessageList"];
            };
        };
        /** @description The file was stored. */
        FileCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["File"];
            };
        };
        /** @description The file's metadata. */
        FileOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["File"];
            };
        };
        /** @description A page of files. */
        FileListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FileList"];
            };
        };
        /** @description The file was deleted. */
        FileDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedFile"];
            };
        };
        /** @description The whole content, with the file's `content_type` as `Content-Type`. */
        FileContent: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Content-Length": components["headers"]["Content-Length"];
                ETag: components["headers"]["ETag"];
                "Accept-Ranges": components["headers"]["Accept-Ranges"];
                "Content-Disposition": components["headers"]["Content-Disposition"];
                [name: string]: unknown;
            };
            content: {
                "*/*": string;
            };
        };
        /** @description The requested byte range of the content. */
        FilePartialContent: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Content-Length": components["headers"]["Content-Length"];
                "Content-Range": components["headers"]["Content-Range"];
                ETag: components["headers"]["ETag"];
                "Accept-Ranges": components["headers"]["Accept-Ranges"];
                "Content-Disposition": components["headers"]["Content-Disposition"];
                [name: string]: unknown;
            };
            content: {
                "*/*": string;
            };
        };
        /** @description `If-None-Match` matched: the content you hold is current. No body. */
        FileNotModified: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /** @description The range starts at or beyond the end of the content (`range_not_satisfiable`). */
        RangeNotSatisfiable: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Content-Range": components["headers"]["Content-Range"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The file is larger than 25 MiB (26214400 bytes); nothing of it was kept (`payload_too_large`). */
        FileTooLarge: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `multipart/form-data` (`unsupported_media_type`). */
        MultipartRequired: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description `file_type_not_allowed`: the content is not of an allowed type, or the part's `Content-Type`
         *     says something else than the content. `file_upload_expired`: the command waited so long (a worker
         *     outage of a day) that the uploaded content was released; upload again with a new Idempotency-Key.
         */
        FileRejected: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description A page of contacts. */
        ContactListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ContactList"];
            };
        };
        /** @description The contact was deleted. */
        ContactDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedContact"];
            };
        };
        /** @description A page of tags. */
        TagListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TagList"];
            };
        };
        /** @description The tag. */
        TagOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Tag"];
            };
        };
        /** @description The event stream; it stays open until the client or the server closes it. */
        EventStreamOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example retry: 2000
                 *
                 *     id: evt_5n1xq8m2r7c3v9b4k6d0h2j8w4
                 *     event: tag.created
                 *     data: {"id":"evt_5n1xq8m2r7c3v9b4k6d0h2j8w4","object":"event","type":"tag.created","sequence":1,"request_id":"req_0f…","created_at":"2026-11-26T10:00:00.000Z","updated_at":"2026-11-26T10:00:00.000Z","data":{"object":{"id":"tag_…","object":"tag","name":"vip","contact_count":1,"created_at":"2026-11-26T10:00:00.000Z","updated_at":"2026-11-26T10:00:00.000Z"}}}
                 *
                 *     : keep-alive
                 */
                "text/event-stream": {
                    id?: components["schemas"]["EventIdValue"];
                    event?: string;
                    data?: string;
                    retry?: number;
                };
            };
        };
        /** @description A page of events. */
        EventListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EventList"];
            };
        };
        /** @description The contact was created. */
        ContactCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Contact"];
            };
        };
        /** @description The contact. */
        ContactOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Contact"];
            };
        };
        /** @description The template was created. */
        TemplateCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Template"];
            };
        };
        /** @description The template. */
        TemplateOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Template"];
            };
        };
        /** @description A page of templates. */
        TemplateListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TemplateList"];
            };
        };
        /** @description The template was deleted. */
        TemplateDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedTemplate"];
            };
        };
        /** @description The contact attribute was defined. */
        ContactAttributeCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ContactAttribute"];
            };
        };
        /** @description The contact attribute definition. */
        ContactAttributeOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ContactAttribute"];
            };
        };
        /** @description A page of contact attribute definitions. */
        ContactAttributeListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ContactAttributeList"];
            };
        };
        /** @description The contact attribute definition was deleted. */
        ContactAttributeDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedContactAttribute"];
            };
        };
        /** @description The order was created. */
        OrderCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Order"];
            };
        };
        /** @description The order. */
        OrderOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Order"];
            };
        };
        /** @description A page of orders. */
        OrderListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OrderList"];
            };
        };
        /** @description The API is serving. */
        StatusOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Status"];
            };
        };
        /** @description The request is malformed, exceeds a JSON limit (`json_limit_exceeded`) or fails validation (`errors` lists each field). */
        BadRequest: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The key is missing, unknown, expired or revoked (`missing_api_key`, `invalid_api_key`, `api_key_expired`,
         *     `api_key_revoked`), or the OAuth access token is unknown, expired, revoked or issued for another resource
         *     (`invalid_token`).
         */
        Unauthorized: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description `insufficient_scope`: the key (or the OAuth token's grant) lacks a scope this operation needs (named in
         *     `detail` and `missing_scopes`; for a token, also in `WWW-Authenticate`).
         *     `publishable_key_not_allowed`: a publishable key (`pk_…`) was used on an operation that needs a secret key.
         *     `ip_not_allowed`: the key has an IP allowlist and the client address is not in it.
         *     `origin_not_allowed`: a publishable key with allowed origins was sent from a browser page of another origin.
         *     `scope_not_grantable`: minting, rolling or revoking a key with scopes the calling key does not hold (`missing_scopes`).
         *     `api_key_wider_than_caller`: rolling or revoking a key usable from addresses or at times the calling key is not.
         *     `live_key_required`: a test key (`sk_test_…`) asked to mint a live key.
         */
        Forbidden: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such object in this workspace. */
        NotFound: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description `idempotency_key_reused` (with `diff`) when the key was used for a different request;
         *     `idempotency_in_progress` (with `Retry-After`) when the first request is still running;
         *     `subject_being_purged` when the write names a person (a contact, or a phone or email) that a privacy purge
         *     is removing: nothing was written, and the same write is refused until the purge has cleared the live stores.
         */
        Conflict: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is larger than 1 MB. */
        PayloadTooLarge: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `application/json`. */
        UnsupportedMediaType: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is valid but breaks a business rule (for example a duplicate phone). */
        UnprocessableEntity: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description `rate_limited`: the key's budget for this endpoint family is spent; `stream_limit_reached`,
         *     `webhook_replay_limit_reached`: a per-key or per-workspace bound. Wait `Retry-After` seconds.
         */
        TooManyRequests: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An unexpected failure; it is logged with the request id. Safe to retry with the same Idempotency-Key. */
        InternalError: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description A dependency (PostgreSQL, Temporal or the worker) is unavailable. An accepted command is not
         *     lost: retry with the same Idempotency-Key after `Retry-After` seconds to get its result.
         */
        ServiceUnavailable: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The app, with its client secret (shown once). */
        OAuthAppCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "oap_01jdq0m7c9x3v5b8n2k4h6f1ab",
                 *       "object": "oauth_app",
                 *       "livemode": true,
                 *       "name": "Acme CRM connector",
                 *       "client_id": "oap_01jdq0m7c9x3v5b8n2k4h6f1ab",
                 *       "client_secret_hint": "sno_…x9Qa",
                 *       "redirect_uris": [
                 *         "https://crm.example.com/oauth/callback"
                 *       ],
                 *       "scopes": [
                 *         "contacts:read",
                 *         "contacts:write",
                 *         "messages:write"
                 *       ],
                 *       "api_version": "2026-11-01",
                 *       "created_at": "2026-12-04T10:00:00.000Z",
                 *       "updated_at": "2026-12-04T10:00:00.000Z",
                 *       "client_secret": "sno_Xk2b9QpL0vN7m3R5t8W1y4Z6a0C2e4G7i9K1v5Hx9Qa"
                 *     }
                 */
                "application/json": components["schemas"]["OAuthAppWithSecret"];
            };
        };
        /** @description The app. */
        OAuthAppOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthApp"];
            };
        };
        /** @description A page of apps. */
        OAuthAppListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OAuthAppList"];
            };
        };
        /** @description The deleted app. */
        OAuthAppDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedOAuthApp"];
            };
        };
        /** @description A page of connected apps. */
        ConnectedAppListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ConnectedAppList"];
            };
        };
        /** @description The app, disconnected. */
        ConnectedAppDisconnected: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DisconnectedApp"];
            };
        };
        /** @description The promotion, done (or previewed, with `dry_run`), with each item's result. */
        EnvironmentPromotionCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EnvironmentPromotion"];
            };
        };
        /** @description The promotion. */
        EnvironmentPromotionOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EnvironmentPromotion"];
            };
        };
        /** @description A page of promotions. */
        EnvironmentPromotionListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["EnvironmentPromotionList"];
            };
        };
        /** @description The broadcast, a `draft`. */
        BroadcastCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Broadcast"];
            };
        };
        /** @description The broadcast, now `scheduled`; it goes on in the background. */
        BroadcastAccepted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Broadcast"];
            };
        };
        /** @description The broadcast in its new status. */
        BroadcastMoved: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Broadcast"];
            };
        };
        /** @description The broadcast. */
        BroadcastOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "brd_2k9m4n6p8q0r1s3t5v7w9x1y3z",
                 *       "object": "broadcast",
                 *       "livemode": true,
                 *       "name": "Diwali sale",
                 *       "status": "sending",
                 *       "pause_reason": null,
                 *       "resumes_at": null,
                 *       "channel_id": "chn_0a1b2c3d4e5f6g7h8j9k0m1n2p",
                 *       "template_id": "tpl_5k2m8n4p6q1r3s7t9v0w2x4y6z",
                 *       "parameters": [
                 *         "20%"
                 *       ],
                 *       "template_arguments": {
                 *         "button_parameters": [
                 *           {
                 *             "index": 0,
                 *             "text": "DIWALI20"
                 *           }
                 *         ]
                 *       },
                 *       "audience": {
                 *         "type": "tag",
                 *         "tag": "vip"
                 *       },
                 *       "scheduled_at": null,
                 *       "rate_per_second": 50,
                 *       "counts": {
                 *         "total": 1200,
                 *         "pending": 700,
                 *         "queued": 40,
                 *         "sent": 160,
                 *         "delivered": 180,
                 *         "read": 100,
                 *         "failed": 2,
                 *         "skipped": 18,
                 *         "cancelled": 0
                 *       },
                 *       "created_at": "2026-11-26T10:00:00.000Z",
                 *       "updated_at": "2026-11-26T10:00:10.000Z",
                 *       "started_at": "2026-11-26T10:00:01.000Z",
                 *       "completed_at": null,
                 *       "cancelled_at": null
                 *     }
                 */
                "application/json": components["schemas"]["Broadcast"];
            };
        };
        /** @description A page of broadcasts. */
        BroadcastListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BroadcastList"];
            };
        };
        /** @description A page of a broadcast's recipients. */
        BroadcastRecipientListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["BroadcastRecipientList"];
            };
        };
        /** @description The purge is recorded and runs on; follow it at `GET /v1/privacy/purges/{id}`. */
        PrivacyPurgeAccepted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PrivacyPurge"];
            };
        };
        /** @description The purge. */
        PrivacyPurgeOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PrivacyPurge"];
            };
        };
        /** @description A page of purges. */
        PrivacyPurgeListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PrivacyPurgeList"];
            };
        };
        /** @description The flow was created; `signing_secret` is shown this once (`null` when the response is a replay). */
        FlowCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FlowWithSecret"];
            };
        };
        /** @description The flow. */
        FlowOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Flow"];
            };
        };
        /** @description A page of flows. */
        FlowListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FlowList"];
            };
        };
        /** @description The flow was deleted. */
        FlowDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedFlow"];
            };
        };
        /** @description The run has started; poll it at `Location`. */
        FlowRunAccepted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                /** @description The run: `/v1/flow-runs/{id}`. */
                Location?: string;
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FlowRun"];
            };
        };
        /** @description The flow run. */
        FlowRunOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FlowRun"];
            };
        };
        /** @description A page of flow runs. */
        FlowRunListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["FlowRunList"];
            };
        };
        /** @description The key, with its secret (shown only in this response; `null` when the response is a replay). */
        ApiKeyCreated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "key_4k9h1r6t0w2y5z8q3m5v0c2x7n",
                 *       "object": "api_key",
                 *       "livemode": true,
                 *       "name": "CRM sync",
                 *       "type": "secret",
                 *       "secret_hint": "sk_…Q2xw",
                 *       "scopes": [
                 *         "contacts:read",
                 *         "contacts:write"
                 *       ],
                 *       "allowed_ips": [
                 *         "203.0.113.0/24",
                 *         "2001:db8::/32"
                 *       ],
                 *       "allowed_origins": null,
                 *       "api_version": "2026-11-01",
                 *       "expires_at": "2027-11-26T00:00:00.000Z",
                 *       "previous_secret_expires_at": null,
                 *       "last_used_at": null,
                 *       "last_used_ip": null,
                 *       "created_at": "2026-11-26T10:00:00.000Z",
                 *       "updated_at": "2026-11-26T10:00:00.000Z",
                 *       "secret": "sk_3q9ZkLr0a1B2c3D4e5F6g7H8i9J0Q2xw"
                 *     }
                 */
                "application/json": components["schemas"]["ApiKeyWithSecret"];
            };
        };
        /** @description The key, with its new secret (shown only in this response; `null` when the response is a replay). */
        ApiKeyRolled: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiKeyWithSecret"];
            };
        };
        /** @description The key (never its secret). */
        ApiKeyOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiKey"];
            };
        };
        /** @description A page of keys. */
        ApiKeyListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiKeyList"];
            };
        };
        /** @description The revoked key. */
        ApiKeyDeleted: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DeletedApiKey"];
            };
        };
        /** @description The workspace's settings. */
        WorkspaceOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Workspace"];
            };
        };
        /** @description The workspace's settings after the change. */
        WorkspaceUpdated: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                "Idempotency-Key": components["headers"]["Idempotency-Key"];
                "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Workspace"];
            };
        };
        /** @description A page of audit records. */
        AuditLogListOk: {
            headers: {
                "Request-Id": components["headers"]["Request-Id"];
                "Api-Version": components["headers"]["Api-Version"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "object": "list",
                 *       "has_more": false,
                 *       "next_cursor": null,
                 *       "data": [
                 *         {
                 *           "id": "aud_0c2x7n4k9h1r6t0w2y5z8q3m5v",
                 *           "object": "audit_log",
                 *           "livemode": true,
                 *           "action": "pii.read",
                 *           "key_id": "key_4k9h1r6t0w2y5z8q3m5v0c2x7n",
                 *           "operation_id": "retrieveContact",
                 *           "object_ids": [
                 *             "ctc_3v9b4k6d0h2j8w4n1xq8m2r7c"
                 *           ],
                 *           "fields": [
                 *             "contact.email",
                 *             "contact.first_name",
                 *             "contact.phone"
                 *           ],
                 *           "client_ip": "203.0.113.7",
                 *           "request_id": "req_0f3a9c1b2d4e5f6a7b8c9d0e",
                 *           "details": null,
                 *           "created_at": "2026-11-26T10:00:00.412Z",
                 *           "updated_at": "2026-11-26T10:00:00.412Z"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["AuditLogList"];
            };
        };
    };
    parameters: {
        /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
        ApiVersion: "2026-11-01";
        /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
        IdempotencyKey: string;
        /** @description Page size. */
        Limit: number;
        /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
        Cursor: string;
        /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
        Sort: "created_at" | "updated_at";
        /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
        UpdatedSince: string;
        /** @description Only objects created at or after this time (`created_at >= created_since`). */
        CreatedSince: string;
        ChannelId: components["schemas"]["ChannelIdValue"];
        ConversationId: components["schemas"]["ConversationIdValue"];
        ContactId: components["schemas"]["ContactIdValue"];
        ContactAttributeId: components["schemas"]["ContactAttributeIdValue"];
        TemplateId: components["schemas"]["TemplateIdValue"];
        OrderId: components["schemas"]["OrderIdValue"];
        FileId: components["schemas"]["FileIdValue"];
        /** @description One byte range: `bytes=<first>-<last>`, `bytes=<first>-` or `bytes=-<suffix length>`. */
        Range: string;
        /** @description ETags you hold (`"<sha256>"`, comma-separated, or `*`); a match answers `304`. */
        IfNoneMatch: string;
        /** @description The ETag you hold; `Range` applies only while it still matches, else the whole content is sent. */
        IfRange: string;
        PurgeId: string;
        BulkJobId: string;
        /** @description The tag's name, case-insensitive. */
        TagName: components["schemas"]["TagNameInput"];
        WebhookEndpointId: components["schemas"]["WebhookEndpointIdValue"];
        WebhookDeliveryId: components["schemas"]["WebhookDeliveryIdValue"];
        OAuthAppId: string;
        PromotionId: string;
        BroadcastId: components["schemas"]["BroadcastIdValue"];
        FlowId: components["schemas"]["FlowIdValue"];
        FlowRunId: components["schemas"]["FlowRunIdValue"];
        ApiKeyId: components["schemas"]["ApiKeyIdValue"];
    };
    requestBodies: never;
    headers: {
        /** @description Unique id of this request; quote it to support. */
        "Request-Id": string;
        /** @description The API version used to answer. */
        "Api-Version": string;
        /** @description Requests allowed per window for this key and endpoint family. */
        "X-RateLimit-Limit": number;
        /** @description Requests left in the current window. */
        "X-RateLimit-Remaining": number;
        /** @description Unix time (seconds) when the current window ends. */
        "X-RateLimit-Reset": number;
        /** @description IETF RateLimit-Policy field, e.g. `"contacts_read";q=100;w=1`. */
        "RateLimit-Policy": string;
        /** @description IETF RateLimit field, e.g. `"contacts_read";r=99;t=1`. */
        RateLimit: string;
        /**
         * @description On every `401` (RFC 6750): `Bearer realm="sabnode"`, with `error="invalid_token"` for a refused OAuth access
         *     token, and on `/mcp` the `resource_metadata` URL of its protected-resource metadata (RFC 9728). A `403
         *     insufficient_scope` answered to an OAuth token carries it too, with `error="insufficient_scope"` and the
         *     `scope` needed.
         */
        "WWW-Authenticate": string;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /** @description The idempotency key this command ran under (generated when the request had none). Provider callbacks, keyed by the provider's message id, carry none. */
        "Idempotency-Key": string;
        /** @description `true` when this response is a replay of an earlier request with the same key. */
        "Idempotent-Replayed": "true";
        /** @description The quoted sha256 of the content (a strong validator). */
        ETag: string;
        /** @description Always `bytes`. */
        "Accept-Ranges": "bytes";
        /** @description Bytes in this body. */
        "Content-Length": number;
        /** @description `bytes <first>-<last>/<size>` on `206`; `bytes *\/<size>` on `416`. */
        "Content-Range": string;
        /** @description `attachment` with the file's name (`filename` and RFC 8187 `filename*`). */
        "Content-Disposition": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listContacts: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Exact phone number, in E.164 or another international written form (compared in E.164). Needs `pii:read` (`403 insufficient_scope` otherwise). */
                phone?: components["schemas"]["PhoneInput"];
                /** @description Exact email address (case-insensitive). Needs `pii:read` (`403 insufficient_scope` otherwise). */
                email?: components["schemas"]["Email"];
                /** @description Exact external id. Needs `pii:read` (`403 insufficient_scope` otherwise). */
                external_id?: components["schemas"]["ExternalId"];
                /** @description Only contacts that carry this tag (case-insensitive). With `updated_since`, deleted contacts that carried it at deletion are listed as tombstones. */
                tag?: components["schemas"]["TagNameInput"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone": "+919876543210",
                 *       "first_name": "Asha",
                 *       "last_name": "Rao",
                 *       "email": "asha@example.com",
                 *       "external_id": "crm-1042",
                 *       "attributes": {
                 *         "plan": "pro"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ContactCreate"];
            };
        };
        responses: {
            201: components["responses"]["ContactCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    searchContacts: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactSearch"];
            };
        };
        responses: {
            200: components["responses"]["ContactListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "asha.rao@example.com",
                 *       "attributes": {
                 *         "plan": "enterprise"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["ContactUpdate"];
            };
        };
        responses: {
            200: components["responses"]["ContactOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    bulkUpsertContacts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "external_id": "crm-1042",
                 *           "phone": "+919876543210",
                 *           "first_name": "Asha",
                 *           "last_name": "Rao"
                 *         },
                 *         {
                 *           "phone": "+919876543211",
                 *           "first_name": "Ravi"
                 *         },
                 *         {
                 *           "phone": "12345"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ContactsBulkUpsert"];
            };
        };
        responses: {
            200: components["responses"]["BulkJobDone"];
            202: components["responses"]["BulkJobAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    bulkTagContacts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "external_id": "crm-1042",
                 *           "add": [
                 *             "vip"
                 *           ]
                 *         },
                 *         {
                 *           "phone": "+919876543211",
                 *           "add": [
                 *             "region:south"
                 *           ],
                 *           "remove": [
                 *             "trial"
                 *           ]
                 *         },
                 *         {
                 *           "contact_id": "ctc_3v9b4k6d0h2j8w4n1xq8m2r7c",
                 *           "remove": [
                 *             "vip"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ContactTagsBulk"];
            };
        };
        responses: {
            200: components["responses"]["BulkJobDone"];
            202: components["responses"]["BulkJobAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    bulkCreateMessages: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "items": [
                 *         {
                 *           "contact_id": "ctc_3v9b4k6d0h2j8w4n1xq8m2r7c",
                 *           "channel_id": "chn_0a1b2c3d4e5f6g7h8j9k0m1n2p",
                 *           "template_id": "tpl_5k2m8n4p6q1r3s7t9v0w2x4y6z",
                 *           "parameters": [
                 *             "Asha",
                 *             "1042"
                 *           ]
                 *         },
                 *         {
                 *           "phone": "+919876543211",
                 *           "channel_id": "chn_0a1b2c3d4e5f6g7h8j9k0m1n2p",
                 *           "template_id": "tpl_5k2m8n4p6q1r3s7t9v0w2x4y6z",
                 *           "parameters": [
                 *             "Ravi",
                 *             "1043"
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["MessagesBulkCreate"];
            };
        };
        responses: {
            200: components["responses"]["BulkJobDone"];
            202: components["responses"]["BulkJobAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveBulkJob: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                bulk_job_id: components["parameters"]["BulkJobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BulkJobOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listBulkJobResults: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                bulk_job_id: components["parameters"]["BulkJobId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BulkItemResultListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTemplates: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Exact template name. */
                name?: components["schemas"]["TemplateName"];
                /** @description Exact language code. */
                language?: components["schemas"]["TemplateLanguage"];
                category?: components["schemas"]["TemplateCategory"];
                status?: components["schemas"]["TemplateStatus"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TemplateListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "order_shipped",
                 *       "language": "en_US",
                 *       "category": "utility",
                 *       "body": "Hi {{1}}, your order {{2}} is on its way."
                 *     }
                 */
                "application/json": components["schemas"]["TemplateCreate"];
            };
        };
        responses: {
            201: components["responses"]["TemplateCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TemplateOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TemplateDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateTemplate: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                template_id: components["parameters"]["TemplateId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "body": "Hi {{1}}, order {{2}} ships today."
                 *     }
                 */
                "application/json": components["schemas"]["TemplateUpdate"];
            };
        };
        responses: {
            200: components["responses"]["TemplateOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listContactAttributes: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Exact attribute key. */
                key?: components["schemas"]["ContactAttributeKey"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactAttributeListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createContactAttribute: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactAttributeCreate"];
            };
        };
        responses: {
            201: components["responses"]["ContactAttributeCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveContactAttribute: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                attribute_id: components["parameters"]["ContactAttributeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactAttributeOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteContactAttribute: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                attribute_id: components["parameters"]["ContactAttributeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactAttributeDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateContactAttribute: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                attribute_id: components["parameters"]["ContactAttributeId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "options": [
                 *         "free",
                 *         "pro",
                 *         "enterprise",
                 *         "partner"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ContactAttributeUpdate"];
            };
        };
        responses: {
            200: components["responses"]["ContactAttributeOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOrders: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only orders updated at or after this time. */
                updated_since?: string;
                /** @description Only this contact's orders. */
                contact_id?: components["schemas"]["ContactIdValue"];
                status?: components["schemas"]["OrderStatus"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OrderListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "contact_id": "ctc_0v4y5kq3n8m2p7r6s9t1w3x5z7",
                 *       "currency": "INR",
                 *       "items": [
                 *         {
                 *           "sku": "TSHIRT-M-BLUE",
                 *           "name": "T-shirt, blue, M",
                 *           "quantity": 2,
                 *           "unit_price": 49900
                 *         },
                 *         {
                 *           "sku": "CAP-RED",
                 *           "name": "Red cap",
                 *           "quantity": 1,
                 *           "unit_price": 19900
                 *         }
                 *       ],
                 *       "metadata": {
                 *         "channel": "whatsapp"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OrderCreate"];
            };
        };
        responses: {
            201: components["responses"]["OrderCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OrderOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                order_id: components["parameters"]["OrderId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "paid",
                 *       "metadata": {
                 *         "payment_ref": "pay_8812"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["OrderUpdate"];
            };
        };
        responses: {
            200: components["responses"]["OrderOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listContactTimeline: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TimelineOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    mergeContacts: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from": [
                 *         "ctc_0000000000000000000000000b",
                 *         "ctc_0000000000000000000000000c"
                 *       ],
                 *       "attributes": "survivor"
                 *     }
                 */
                "application/json": components["schemas"]["ContactMerge"];
            };
        };
        responses: {
            200: components["responses"]["ContactOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    optInContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "channel_id": "chn_0000000000000000000000000a",
                 *       "template_id": "tpl_0000000000000000000000000a",
                 *       "parameters": [
                 *         "Asha"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["OptInRequest"];
            };
        };
        responses: {
            200: components["responses"]["ContactOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    optOutContact: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listChannels: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ChannelListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "WhatsApp India",
                 *       "provider": "sandbox",
                 *       "rate_per_second": 80
                 *     }
                 */
                "application/json": components["schemas"]["ChannelCreate"];
            };
        };
        responses: {
            201: components["responses"]["ChannelCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveChannel: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ChannelOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveInboundMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "from": "+919876543210",
                 *       "text": "Hi",
                 *       "provider_message_id": "wamid.HBgM"
                 *     }
                 */
                "application/json": components["schemas"]["InboundMessage"];
            };
        };
        responses: {
            200: components["responses"]["MessageOk"];
            201: components["responses"]["MessageCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveMessageStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "provider_message_id": "wamid.HBgM",
                 *       "status": "delivered"
                 *     }
                 */
                "application/json": components["schemas"]["MessageStatusCallback"];
            };
        };
        responses: {
            200: components["responses"]["MessageOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    verifyWhatsAppWebhook: {
        parameters: {
            query: {
                /** @example subscribe */
                "hub.mode": string;
                /** @example vt_4f0c7d1e9a2b */
                "hub.verify_token": string;
                /** @example 1158201444 */
                "hub.challenge": string;
            };
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WhatsAppChallengeOk"];
            400: components["responses"]["BadRequest"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    receiveWhatsAppNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel_id: components["parameters"]["ChannelId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "object": "whatsapp_business_account",
                 *       "entry": [
                 *         {
                 *           "id": "102290129340398",
                 *           "changes": [
                 *             {
                 *               "field": "messages",
                 *               "value": {
                 *                 "messaging_product": "whatsapp",
                 *                 "metadata": {
                 *                   "display_phone_number": "15550783881",
                 *                   "phone_number_id": "106540352242922"
                 *                 },
                 *                 "contacts": [
                 *                   {
                 *                     "profile": {
                 *                       "name": "Kiran"
                 *                     },
                 *                     "wa_id": "919876543210"
                 *                   }
                 *                 ],
                 *                 "messages": [
                 *                   {
                 *                     "from": "919876543210",
                 *                     "id": "wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQkU=",
                 *                     "timestamp": "1764849600",
                 *                     "type": "text",
                 *                     "text": {
                 *                       "body": "Hi"
                 *                     }
                 *                   }
                 *                 ]
                 *               }
                 *             }
                 *           ]
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["WhatsAppNotification"];
            };
        };
        responses: {
            200: components["responses"]["WhatsAppNotificationOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Only this contact's conversations. */
                contact_id?: components["schemas"]["ContactIdValue"];
                /** @description Only conversations in this status. */
                status?: "open" | "closed";
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConversationListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConversationCreate"];
            };
        };
        responses: {
            201: components["responses"]["ConversationCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConversationOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "closed"
                 *     }
                 */
                "application/json": components["schemas"]["ConversationUpdate"];
            };
        };
        responses: {
            200: components["responses"]["ConversationOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listConversationMessages: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MessageListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                conversation_id: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageCreate"];
            };
        };
        responses: {
            201: components["responses"]["MessageCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Only objects created at or after this time (`created_at >= created_since`). */
                created_since?: components["parameters"]["CreatedSince"];
                /** @description Only this conversation's messages. */
                conversation_id?: components["schemas"]["ConversationIdValue"];
                /** @description Only messages with this contact, in any conversation. */
                contact_id?: components["schemas"]["ContactIdValue"];
                /** @description Only messages on this channel. */
                channel_id?: components["schemas"]["ChannelIdValue"];
                /** @description Only messages in this status (`received` is every inbound message; `scheduled` those waiting for their `send_at`). */
                status?: "scheduled" | "queued" | "sent" | "delivered" | "read" | "failed" | "cancelled" | "received";
                /** @description Only inbound or only outbound messages. */
                direction?: "inbound" | "outbound";
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WorkspaceMessageListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveUsage: {
        parameters: {
            query?: {
                /** @description The first UTC day counted. Default 29 days before `to`. */
                from?: string;
                /** @description The last UTC day counted (at most 89 days after `from`). Default today. */
                to?: string;
                /** @description Only messages on this channel. */
                channel_id?: components["schemas"]["ChannelIdValue"];
                /** @description Only the messages of this broadcast. */
                broadcast_id?: components["schemas"]["BroadcastIdValue"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["UsageOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MessageOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["MessageOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    addContactTags: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "tags": [
                 *         "vip",
                 *         "stuck-shipment"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["ContactTagsAdd"];
            };
        };
        responses: {
            200: components["responses"]["ContactOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    removeContactTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                contact_id: components["parameters"]["ContactId"];
                /** @description The tag's name, case-insensitive. */
                tag: components["parameters"]["TagName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ContactOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTags: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TagListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveTag: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                /** @description The tag's name, case-insensitive. */
                tag: components["parameters"]["TagName"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["TagOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFiles: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Exact purpose. */
                purpose?: components["schemas"]["FilePurpose"];
                /** @description Files with exactly this content (lower-case hex SHA-256), e.g. to skip an upload you already made. */
                sha256?: components["schemas"]["Sha256"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FileListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["FileUpload"];
            };
        };
        responses: {
            201: components["responses"]["FileCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["FileTooLarge"];
            415: components["responses"]["MultipartRequired"];
            422: components["responses"]["FileRejected"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FileOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FileDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    downloadFile: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description One byte range: `bytes=<first>-<last>`, `bytes=<first>-` or `bytes=-<suffix length>`. */
                Range?: components["parameters"]["Range"];
                /** @description ETags you hold (`"<sha256>"`, comma-separated, or `*`); a match answers `304`. */
                "If-None-Match"?: components["parameters"]["IfNoneMatch"];
                /** @description The ETag you hold; `Range` applies only while it still matches, else the whole content is sent. */
                "If-Range"?: components["parameters"]["IfRange"];
            };
            path: {
                file_id: components["parameters"]["FileId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FileContent"];
            206: components["responses"]["FilePartialContent"];
            304: components["responses"]["FileNotModified"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            416: components["responses"]["RangeNotSatisfiable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description An event type (`contact.updated`) or a family wildcard (`contact.*`). */
                type?: string;
                /** @description Only events created at or after this time. */
                created_since?: string;
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["StatusOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                /** @description The same as the `Last-Event-ID` header, for clients that cannot set headers. */
                last_event_id?: components["schemas"]["EventIdValue"];
                /** @description Only these event types, comma-separated; each an exact type (`tag.created`) or a family wildcard (`contact.*`). */
                types?: string[];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description The `id` of the last message received; the stream resumes right after it. Wins over `last_event_id`. */
                "Last-Event-ID"?: components["schemas"]["EventIdValue"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventStreamOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listEventTypes: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EventTypeListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookEndpoints: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookEndpointListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://example.com/hooks/sabnode",
                 *       "event_types": [
                 *         "contact.*",
                 *         "order.paid"
                 *       ],
                 *       "description": "CRM sync",
                 *       "max_concurrency": 10
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointCreate"];
            };
        };
        responses: {
            201: components["responses"]["WebhookEndpointCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookEndpointOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookEndpointDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": false
                 *     }
                 */
                "application/json": components["schemas"]["WebhookEndpointUpdate"];
            };
        };
        responses: {
            200: components["responses"]["WebhookEndpointOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rotateWebhookEndpointSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["WebhookSecretRotate"];
            };
        };
        responses: {
            200: components["responses"]["WebhookEndpointSecretRotated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    testWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["WebhookTestSent"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replayWebhookEndpoint: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "since": "2026-11-20T00:00:00Z",
                 *       "status": "failed",
                 *       "dry_run": true
                 *     }
                 */
                "application/json": components["schemas"]["WebhookReplayRequest"];
            };
        };
        responses: {
            200: components["responses"]["WebhookReplayCounted"];
            202: components["responses"]["WebhookReplayAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                status?: components["schemas"]["WebhookDeliveryStatus"];
                /** @description An event type or a family wildcard (`contact.*`). */
                event_type?: string;
                created_since?: string;
                created_until?: string;
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                endpoint_id: components["parameters"]["WebhookEndpointId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookDeliveryListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                delivery_id: components["parameters"]["WebhookDeliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WebhookDeliveryOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                delivery_id: components["parameters"]["WebhookDeliveryId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["WebhookDeliveryAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listApiKeys: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Only keys of this type. */
                type?: "secret" | "publishable";
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApiKeyListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "CRM sync",
                 *       "scopes": [
                 *         "contacts:read",
                 *         "contacts:write"
                 *       ],
                 *       "allowed_ips": [
                 *         "203.0.113.0/24",
                 *         "2001:db8::/32"
                 *       ],
                 *       "expires_at": "2027-11-26T00:00:00Z"
                 *     }
                 */
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            201: components["responses"]["ApiKeyCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                api_key_id: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApiKeyOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                api_key_id: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ApiKeyDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    rollApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                api_key_id: components["parameters"]["ApiKeyId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "overlap_seconds": 3600
                 *     }
                 */
                "application/json": components["schemas"]["ApiKeyRoll"];
            };
        };
        responses: {
            200: components["responses"]["ApiKeyRolled"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["WorkspaceOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "pii_read_audit": true
                 *     }
                 */
                "application/json": components["schemas"]["WorkspaceUpdate"];
            };
        };
        responses: {
            200: components["responses"]["WorkspaceUpdated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listAuditLogs: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only records of what this key did, or of what an OAuth app's tokens did (its `oap_…` id). */
                key_id?: string;
                /** @description Only records of this operation (`retrieveContact`, `createApiKey`, …). */
                operation_id?: string;
                /** @description Only records of this action. */
                action?: string;
                /** @description Only records that name this object (a contact, a message, a key, …). */
                object_id?: string;
                /** @description Only records written at or after this time. */
                created_since?: string;
                /** @description Only records written before this time. */
                created_before?: string;
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["AuditLogListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFlows: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                status?: components["schemas"]["FlowStatus"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createFlow: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "VIP welcome",
                 *       "trigger": {
                 *         "type": "event",
                 *         "event_type": "contact.updated",
                 *         "filter": {
                 *           "tag_added": "vip"
                 *         }
                 *       },
                 *       "steps": [
                 *         {
                 *           "id": "hello",
                 *           "type": "send_message",
                 *           "channel_id": "chn_0v4y5kq3n8m2p7r6s9t1w3x5z7",
                 *           "template_id": "tpl_0v4y5kq3n8m2p7r6s9t1w3x5z7",
                 *           "parameters": [
                 *             "Asha"
                 *           ]
                 *         },
                 *         {
                 *           "id": "pause",
                 *           "type": "wait",
                 *           "duration_seconds": 86400
                 *         },
                 *         {
                 *           "id": "check",
                 *           "type": "branch",
                 *           "condition": {
                 *             "tag": "ordered"
                 *           },
                 *           "then": "done",
                 *           "else": "nudge"
                 *         },
                 *         {
                 *           "id": "nudge",
                 *           "type": "add_tag",
                 *           "tags": [
                 *             "needs-nudge"
                 *           ]
                 *         },
                 *         {
                 *           "id": "done",
                 *           "type": "end"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["FlowCreate"];
            };
        };
        responses: {
            201: components["responses"]["FlowCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveFlow: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteFlow: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateFlow: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "steps": [
                 *         {
                 *           "id": "tag",
                 *           "type": "add_tag",
                 *           "tags": [
                 *             "welcomed"
                 *           ]
                 *         },
                 *         {
                 *           "id": "done",
                 *           "type": "end"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["FlowUpdate"];
            };
        };
        responses: {
            200: components["responses"]["FlowOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    activateFlow: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deactivateFlow: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createFlowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                flow_id: components["parameters"]["FlowId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "contact_id": "ctc_0v4y5kq3n8m2p7r6s9t1w3x5z7"
                 *     }
                 */
                "application/json": components["schemas"]["FlowRunCreate"];
            };
        };
        responses: {
            202: components["responses"]["FlowRunAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listFlowRuns: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                flow_id?: components["schemas"]["FlowIdValue"];
                contact_id?: components["schemas"]["ContactIdValue"];
                status?: components["schemas"]["FlowRunStatus"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowRunListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveFlowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                flow_run_id: components["parameters"]["FlowRunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowRunOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelFlowRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                flow_run_id: components["parameters"]["FlowRunId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["FlowRunOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listPrivacyPurges: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PrivacyPurgeListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createPrivacyPurge: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "phone": "+919876543210"
                 *     }
                 */
                "application/json": components["schemas"]["PrivacyPurgeCreate"];
            };
        };
        responses: {
            202: components["responses"]["PrivacyPurgeAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrievePrivacyPurge: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                purge_id: components["parameters"]["PurgeId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PrivacyPurgeOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listEnvironmentPromotions: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EnvironmentPromotionListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createEnvironmentPromotion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "dry_run": true
                 *     }
                 */
                "application/json": components["schemas"]["EnvironmentPromotionCreate"];
            };
        };
        responses: {
            201: components["responses"]["EnvironmentPromotionCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveEnvironmentPromotion: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                promotion_id: components["parameters"]["PromotionId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["EnvironmentPromotionOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listOAuthApps: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OAuthAppListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createOAuthApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Acme CRM connector",
                 *       "redirect_uris": [
                 *         "https://crm.example.com/oauth/callback"
                 *       ],
                 *       "scopes": [
                 *         "contacts:read",
                 *         "contacts:write",
                 *         "messages:write"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["OAuthAppCreate"];
            };
        };
        responses: {
            201: components["responses"]["OAuthAppCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveOAuthApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                oauth_app_id: components["parameters"]["OAuthAppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OAuthAppOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteOAuthApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                oauth_app_id: components["parameters"]["OAuthAppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["OAuthAppDeleted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listConnectedApps: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConnectedAppListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    disconnectApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                oauth_app_id: components["parameters"]["OAuthAppId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ConnectedAppDisconnected"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listBroadcasts: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Sort column; always descending. A sync walks `sort=updated_at` with `updated_since`. */
                sort?: components["parameters"]["Sort"];
                /** @description Only objects updated at or after this time (`updated_at >= updated_since`); on lists whose objects can be deleted, deleted objects are included as tombstones (`"deleted": true`, with the time of the delete as `updated_at`). Each list's description says what a sync sees of a delete. To sync, walk the list with `sort=updated_at` and this parameter to its end, then start the next walk from the largest `updated_at` you saw: an object changed during a walk moves ahead of the cursor and comes in the next walk. An object seen again in the next walk with the same `updated_at` is the same version. */
                updated_since?: components["parameters"]["UpdatedSince"];
                /** @description Only broadcasts in this status. */
                status?: components["schemas"]["BroadcastStatus"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BroadcastListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createBroadcast: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Diwali sale",
                 *       "channel_id": "chn_0a1b2c3d4e5f6g7h8j9k0m1n2p",
                 *       "template_id": "tpl_5k2m8n4p6q1r3s7t9v0w2x4y6z",
                 *       "parameters": [
                 *         "20%"
                 *       ],
                 *       "audience": {
                 *         "tag": "vip"
                 *       },
                 *       "scheduled_at": "2026-11-27T09:00:00.000Z",
                 *       "rate_per_second": 50
                 *     }
                 */
                "application/json": components["schemas"]["BroadcastCreate"];
            };
        };
        responses: {
            201: components["responses"]["BroadcastCreated"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    retrieveBroadcast: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BroadcastOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    sendBroadcast: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: components["responses"]["BroadcastAccepted"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    pauseBroadcast: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BroadcastMoved"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    resumeBroadcast: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BroadcastMoved"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    cancelBroadcast: {
        parameters: {
            query?: never;
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
                /** @description 1–255 printable ASCII characters; a UUID v4 is recommended. Generated and echoed when absent. Scoped to the API key that sends it. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BroadcastMoved"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableEntity"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listBroadcastRecipients: {
        parameters: {
            query?: {
                /** @description Page size. */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the previous page, unchanged. Valid only with the same filters and sort. */
                cursor?: components["parameters"]["Cursor"];
                /** @description Only recipients in this status. */
                status?: components["schemas"]["BroadcastRecipientStatus"];
            };
            header?: {
                /** @description The API version. This document describes 2026-11-01: requests that send this header, or that leave it out with a key pinned to 2026-11-01. Every supported version has its own document, `GET /openapi.json?version=YYYY-MM-DD` (the current one without `version`); a value that is no supported version is `400 invalid_api_version`. */
                "Api-Version"?: components["parameters"]["ApiVersion"];
            };
            path: {
                broadcast_id: components["parameters"]["BroadcastId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["BroadcastRecipientListOk"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    contactCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "contact.created";
                    data?: {
                        object?: components["schemas"]["Contact"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contactUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "contact.updated";
                    data?: {
                        object?: components["schemas"]["Contact"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contactDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "contact.deleted";
                    data?: {
                        object?: components["schemas"]["DeletedContact"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    contactMergedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "contact.merged";
                    data?: {
                        object?: components["schemas"]["Contact"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    fileCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "file.created";
                    data?: {
                        object?: components["schemas"]["File"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    fileDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "file.deleted";
                    data?: {
                        object?: components["schemas"]["DeletedFile"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    tagCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "tag.created";
                    data?: {
                        object?: components["schemas"]["Tag"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    templateCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "template.created";
                    data?: {
                        object?: components["schemas"]["Template"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    templateUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "template.updated";
                    data?: {
                        object?: components["schemas"]["Template"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    templateApprovedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "template.approved";
                    data?: {
                        object?: components["schemas"]["Template"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    templateRejectedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "template.rejected";
                    data?: {
                        object?: components["schemas"]["Template"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    templatePausedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "template.paused";
                    data?: {
                        object?: components["schemas"]["Template"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    templateDisabledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "template.disabled";
                    data?: {
                        object?: components["schemas"]["Template"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    templateDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "template.deleted";
                    data?: {
                        object?: components["schemas"]["DeletedTemplate"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "order.created";
                    data?: {
                        object?: components["schemas"]["Order"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "order.updated";
                    data?: {
                        object?: components["schemas"]["Order"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderPaidWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "order.paid";
                    data?: {
                        object?: components["schemas"]["Order"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderFulfilledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "order.fulfilled";
                    data?: {
                        object?: components["schemas"]["Order"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderDeliveredWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "order.delivered";
                    data?: {
                        object?: components["schemas"]["Order"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "order.cancelled";
                    data?: {
                        object?: components["schemas"]["Order"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    orderRefundedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "order.refunded";
                    data?: {
                        object?: components["schemas"]["Order"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    channelCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "channel.created";
                    data?: {
                        object?: components["schemas"]["Channel"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    channelQualityChangedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "channel.quality_changed";
                    data?: {
                        object?: components["schemas"]["Channel"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    channelTierChangedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "channel.tier_changed";
                    data?: {
                        object?: components["schemas"]["Channel"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    conversationCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "conversation.created";
                    data?: {
                        object?: components["schemas"]["Conversation"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    conversationUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "conversation.updated";
                    data?: {
                        object?: components["schemas"]["Conversation"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageQueuedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.queued";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageScheduledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.scheduled";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.cancelled";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageSentWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.sent";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageDeliveredWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.delivered";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageReadWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.read";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.failed";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    messageReceivedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "message.received";
                    data?: {
                        object?: components["schemas"]["Message"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookEndpointCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "webhook_endpoint.created";
                    data?: {
                        object?: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookEndpointUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "webhook_endpoint.updated";
                    data?: {
                        object?: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookEndpointDeletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "webhook_endpoint.deleted";
                    data?: {
                        object?: components["schemas"]["DeletedWebhookEndpoint"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookEndpointDisabledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "webhook_endpoint.disabled";
                    data?: {
                        object?: components["schemas"]["WebhookEndpoint"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookTestWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "webhook.test";
                    data?: {
                        object?: components["schemas"]["WebhookTestObject"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    webhookDeliveryDeadWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "webhook_delivery.dead";
                    data?: {
                        object?: components["schemas"]["WebhookDelivery"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    flowRunStartedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "flow_run.started";
                    data?: {
                        object?: components["schemas"]["FlowRun"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    flowRunCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "flow_run.completed";
                    data?: {
                        object?: components["schemas"]["FlowRun"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    flowRunFailedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "flow_run.failed";
                    data?: {
                        object?: components["schemas"]["FlowRun"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    flowRunCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "flow_run.cancelled";
                    data?: {
                        object?: components["schemas"]["FlowRun"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    flowRunThrottledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "flow_run.throttled";
                    data?: {
                        object?: components["schemas"]["FlowRunThrottle"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    broadcastCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "broadcast.created";
                    data?: {
                        object?: components["schemas"]["Broadcast"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    broadcastScheduledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "broadcast.scheduled";
                    data?: {
                        object?: components["schemas"]["Broadcast"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    broadcastStartedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "broadcast.started";
                    data?: {
                        object?: components["schemas"]["Broadcast"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    broadcastPausedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "broadcast.paused";
                    data?: {
                        object?: components["schemas"]["Broadcast"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    broadcastResumedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "broadcast.resumed";
                    data?: {
                        object?: components["schemas"]["Broadcast"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    broadcastCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "broadcast.completed";
                    data?: {
                        object?: components["schemas"]["Broadcast"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    broadcastCancelledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The delivery's id (`whd_…`): the same on every attempt of a delivery. */
                "webhook-id": string;
                /** @description Unix seconds of the attempt. */
                "webhook-timestamp": string;
                /** @description `v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>">`; two, separated by a space, during a secret rotation. */
                "webhook-signature": string;
                /** @description The endpoint's `api_version`: the version the body is shaped for. */
                "Api-Version": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookPayload"] & {
                    /** @constant */
                    type?: "broadcast.cancelled";
                    data?: {
                        object?: components["schemas"]["Broadcast"];
                    };
                };
            };
        };
        responses: {
            /** @description Any `2xx` answer is a success; anything else (or no answer within 5 s) is retried on the timetable, `410` disables the endpoint. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
