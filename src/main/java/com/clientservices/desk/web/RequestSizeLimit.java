package com.clientservices.desk.web;

import com.clientservices.desk.DeskProperties;
import com.clientservices.desk.refusal.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a JSON request body over the limit with 413, whether or not the client declared its
 * length, before anything reads it. A portal form larger than the server reads is refused with
 * 413 too, before the sign-in and CSRF checks, which would otherwise find no token in the unread
 * form and answer a misleading 403. Uploads (multipart) have their own limits.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 1)
class RequestSizeLimit extends OncePerRequestFilter {

    private final int maxBytes;
    private final long maxFormBytes;
    private final Problems problems;

    RequestSizeLimit(
            DeskProperties properties,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxFormSize,
            Problems problems) {
        this.maxBytes = properties.intake().maxBodyBytes();
        this.maxFormBytes = maxFormSize.toBytes();
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var contentType = request.getContentType();
        return !(api(request) || portal(request))
                || (contentType != null && contentType.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!api(request)) {
            if (request.getContentLengthLong() > maxFormBytes) {
                refuse(response, maxFormBytes);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response, maxBytes);
            return;
        }
        var body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            refuse(response, maxBytes);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private static boolean api(HttpServletRequest request) {
        return ApiPaths.isDeskApi(request.getRequestURI());
    }

    private static boolean portal(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/portal/");
    }

    private void refuse(HttpServletResponse response, long limit) throws IOException {
        response.setHeader("Connection", "close");
        problems.write(
                response,
                Problems.problem(
                        HttpStatus.PAYLOAD_TOO_LARGE,
                        "The request body is larger than " + limit / 1024 + " KB",
                        List.of(new FieldProblem("body", "is larger than " + limit + " bytes"))));
    }

    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
