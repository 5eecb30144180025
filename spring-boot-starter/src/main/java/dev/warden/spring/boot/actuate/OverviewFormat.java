package dev.warden.spring.boot.actuate;

import org.springframework.boot.actuate.endpoint.Producible;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/** The forms of the security overview; the request's {@code Accept} header chooses, JSON when it does not. */
public enum OverviewFormat implements Producible<OverviewFormat> {
    /** {@code security-overview.json}, for tools. */
    JSON(MimeTypeUtils.APPLICATION_JSON),
    /** {@code security-overview.html}, the page for a browser. */
    HTML(MimeTypeUtils.parseMimeType("text/html;charset=UTF-8"));

    private final MimeType mimeType;

    OverviewFormat(MimeType mimeType) {
        this.mimeType = mimeType;
    }

    @Override
    public MimeType getProducedMimeType() {
        return mimeType;
    }

    @Override
    public boolean isDefault() {
        return this == JSON;
    }

    /** The extension of the processor's file. */
    String extension() {
        return this == JSON ? ".json" : ".html";
    }
}
