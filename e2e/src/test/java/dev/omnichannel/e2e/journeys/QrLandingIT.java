package dev.omnichannel.e2e.journeys;

import static dev.omnichannel.e2e.support.Caller.ALICE_ON_MOBILE;
import static dev.omnichannel.e2e.support.Eventually.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import dev.omnichannel.e2e.support.Caller;
import dev.omnichannel.e2e.support.Stock;
import org.junit.jupiter.api.Test;

/** Journey 3: in store, the QR code on the shelf opens the product page, with this store's availability, on the phone. */
class QrLandingIT {

    static final String SKU = "BACKPACK-30L";
    static final String SHELF_STORE = "paris-bastille";

    @Test
    void the_shelf_qr_code_shows_the_product_and_what_this_store_has() {
        Stock.setAvailable(SKU, SHELF_STORE, 4);

        for (Caller phone : new Caller[] { ALICE_ON_MOBILE, Caller.ANONYMOUS }) {
            eventually().alias("the QR landing for " + phone + " shows 4 at " + SHELF_STORE).untilAsserted(() ->
                    phone.api().queryParam("storeId", SHELF_STORE)
                            .get("/qr/{sku}", SKU)
                            .then().statusCode(200)
                            .body("store.storeId", equalTo(SHELF_STORE))
                            .body("store.available", equalTo(4)));
        }
        ALICE_ON_MOBILE.api().queryParam("storeId", SHELF_STORE)
                .get("/qr/{sku}", SKU)
                .then().statusCode(200)
                .body("sku", equalTo(SKU))
                .body("name", not(emptyOrNullString()))
                .body("description", not(emptyOrNullString()))
                .body("price", equalTo(79.9f));
    }
}
