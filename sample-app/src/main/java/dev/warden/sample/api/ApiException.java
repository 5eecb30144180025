package dev.warden.sample.api;

/** A request the API answers with an error status; the message is for the client and never holds stored data. */
final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    ApiException(int status, String error, String message) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "bad request", message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "not found", message);
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }
}
