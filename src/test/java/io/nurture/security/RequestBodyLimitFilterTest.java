package io.nurture.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.ServletInputStream;

class RequestBodyLimitFilterTest {

    private static final int KB = 1024;

    private final RequestBodyLimits limits = new RequestBodyLimits(DataSize.ofKilobytes(64), DataSize.ofMegabytes(50),
            DataSize.ofMegabytes(1),
            DataSize.ofMegabytes(10), DataSize.ofKilobytes(512), DataSize.ofKilobytes(16), DataSize.ofKilobytes(8),
            DataSize.ofKilobytes(16), DataSize.ofMegabytes(1));
    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(limits);

    @Test
    void eachFamilyHasItsLimit() {
        assertThat(limits.forPath("/api/events", "application/json").bytes()).isEqualTo(64 * KB);
        assertThat(limits.forPath("/engine-rest/task", "application/json").bytes()).isEqualTo(KB * KB);
        assertThat(limits.forPath("/engine-rest/deployment/create", "multipart/form-data; boundary=x").bytes())
                .isEqualTo(10 * KB * KB);
        assertThat(limits.forPath("/camunda/api/engine/engine/default/task", null).bytes()).isEqualTo(KB * KB);
        assertThat(limits.forPath("/v1/batch", "application/json").bytes()).isEqualTo(512 * KB);
        assertThat(limits.forPath("/f/newsletter", "application/x-www-form-urlencoded").bytes()).isEqualTo(16 * KB);
        assertThat(limits.forPath("/t/u/abc", null).bytes()).isEqualTo(8 * KB);
        assertThat(limits.forPath("/dashboard/login", null).bytes()).isEqualTo(16 * KB);
        assertThat(limits.forPath("/dashboard/simulations", "application/json").bytes())
                .as("the simulator page posts what POST /api/simulations takes").isEqualTo(64 * KB);
        assertThat(limits.forPath("/dashboard/imports", "multipart/form-data; boundary=x").bytes())
                .as("the import page uploads what POST /api/imports takes")
                .isEqualTo(limits.forPath("/api/imports", "multipart/form-data; boundary=x").bytes());
        assertThat(limits.forPath("/dashboard/segments", null).bytes()).isEqualTo(16 * KB);
        assertThat(limits.forPath("/apidocs", null).bytes()).as("not under /api").isEqualTo(KB * KB);
        assertThat(limits.forPath("/inbox", null).describe())
                .isEqualTo("the 1024 KB limit of this path (nurture.limits.request-body.other)");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedUnread() throws Exception {
        CountingStream body = new CountingStream(new byte[65 * KB]);
        MockHttpServletRequest request = request("/api/events", "application/json", body);
        request.addHeader("Content-Length", 65 * KB);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("64 KB limit of /api/**");
        assertThat(chain.getRequest()).as("not passed on").isNull();
        assertThat(body.read).as("bytes read").isZero();
    }

    @Test
    void aDeclaredLengthWithinTheLimitIsPassedOnAsItIs() throws Exception {
        MockHttpServletRequest request = request("/api/events", "application/json", new CountingStream(new byte[10]));
        request.addHeader("Content-Length", 10);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(request);
    }

    @Test
    void aChunkedBodyIsReadNoFurtherThanOneByteOverTheLimit() throws Exception {
        CountingStream body = new CountingStream(new byte[5 * KB * KB]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked("/engine-rest/task", "application/json", body), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
        assertThat(body.read).isEqualTo(KB * KB + 1);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsPassedOnWhole() throws Exception {
        byte[] bytes = "{\"assignee\": \"sdr\"}".getBytes(StandardCharsets.UTF_8);
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked("/engine-rest/task", "application/json", new CountingStream(bytes)),
                new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest().getInputStream().readAllBytes()).isEqualTo(bytes);
        assertThat(chain.getRequest().getContentLengthLong()).isEqualTo(bytes.length);
    }

    @Test
    void aChunkedFormOrMultipartBodyMustDeclareItsLength() throws Exception {
        for (String type : new String[] { "application/x-www-form-urlencoded", "multipart/form-data; boundary=x" }) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(chunked("/f/newsletter", type, new CountingStream(new byte[10])), response,
                    new MockFilterChain());
            assertThat(response.getStatus()).as(type).isEqualTo(411);
        }
    }

    @Test
    void aRequestWithoutBodyIsPassedOnUntouched() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/api/contacts");
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(get, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isSameAs(get);
    }

    private static MockHttpServletRequest request(String path, String contentType, CountingStream body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(body);
            }

            @Override
            public long getContentLengthLong() {
                String declared = getHeader("Content-Length");
                return declared == null ? -1 : Long.parseLong(declared);
            }
        };
        request.setServletPath(path);
        request.setContentType(contentType);
        return request;
    }

    private static MockHttpServletRequest chunked(String path, String contentType, CountingStream body) {
        MockHttpServletRequest request = request(path, contentType, body);
        request.addHeader("Transfer-Encoding", "chunked");
        return request;
    }

    /** A body that counts how much of it was read. */
    private static final class CountingStream extends InputStream {
        private final InputStream in;
        int read;

        CountingStream(byte[] bytes) {
            this.in = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            read += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            read += Math.max(n, 0);
            return n;
        }
    }
}
