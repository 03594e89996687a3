-- A benefit simulation is an item of her safe (issue 15): its input and results are sealed in
-- `meta_sealed` under the item's own key, wrapped, shared and journaled like a note.
ALTER TABLE items DROP CONSTRAINT items_kind_check;
ALTER TABLE items ADD CONSTRAINT items_kind_check CHECK (kind IN ('document', 'contact', 'note', 'event', 'simulation'));
