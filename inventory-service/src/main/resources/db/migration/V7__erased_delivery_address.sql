-- GDPR erasure (customer.erased): the home address of the customer's orders is wiped, the order itself
-- stays for the stock ledger. Such an order has neither destination left, which only an erased one may.
ALTER TABLE fulfilment_order ADD COLUMN address_erased_at TIMESTAMPTZ;
ALTER TABLE fulfilment_order DROP CONSTRAINT fulfilment_order_check;
ALTER TABLE fulfilment_order ADD CONSTRAINT fulfilment_order_destination CHECK (CASE
    WHEN address_erased_at IS NULL THEN (deliver_to_store_id IS NULL) <> (address_street IS NULL)
    ELSE deliver_to_store_id IS NULL AND address_street IS NULL AND address_postal_code IS NULL
         AND address_city IS NULL AND address_country IS NULL AND address_lat IS NULL AND address_lon IS NULL
    END);
