package dev.warden.sample.spring;

import org.springframework.boot.test.context.SpringBootTest;

/** The sample as it runs: embedded H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class H2HttpTest extends ShopHttpTest {}
