package dev.omnichannel.e2e.support;

import static dev.omnichannel.e2e.support.Eventually.eventually;

import io.restassured.path.json.JsonPath;

/** The personalized view, as each channel gets it. */
public final class Views {

    private Views() {
    }

    /** {@code GET /me/view} once every service answered within the gateway's time budget (a loaded machine may miss it). */
    public static JsonPath complete(Caller customer) {
        return completeAt(customer, "/me/view");
    }

    /** A customer's view at a kiosk or for staff ({@code GET /customers/{id}/view}), complete. */
    public static JsonPath completeFor(Caller kioskOrStaff, String customerId) {
        return completeAt(kioskOrStaff, "/customers/" + customerId + "/view");
    }

    private static JsonPath completeAt(Caller caller, String path) {
        JsonPath[] view = new JsonPath[1];
        eventually().alias("a complete view " + path + " for " + caller).until(() -> {
            view[0] = caller.api().get(path).then().statusCode(200).extract().jsonPath();
            return !view[0].getBoolean("partial");
        });
        return view[0];
    }
}
