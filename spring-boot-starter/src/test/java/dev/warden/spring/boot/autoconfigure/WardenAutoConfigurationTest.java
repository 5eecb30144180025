package dev.warden.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.UserProvider;
import dev.warden.runtime.data.WardenData;
import dev.warden.spring.boot.actuate.WardenEndpoint;
import dev.warden.spring.security.SecurityContextTaskDecorator;
import dev.warden.spring.operations.AllowedRolesAdvisor;
import dev.warden.spring.security.SpringSecurityUserProvider;
import dev.warden.spring.web.WardenExceptionHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The auto-configuration in real application contexts (Boot's context runners): what it registers with nothing
 * else, that each bean gives way to the application's own, what it does without a data source, without Spring
 * Security, outside a web application, and that wrong settings stop the application with a clear message.
 */
class WardenAutoConfigurationTest {
    private static final AutoConfigurations WARDEN = AutoConfigurations.of(WardenAutoConfiguration.class,
            WardenSecurityAutoConfiguration.class, WardenWebMvcAutoConfiguration.class,
            WardenEndpointAutoConfiguration.class, WardenOperationsAutoConfiguration.class);

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
            .withConfiguration(WARDEN);

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        SecurityContext.setUserProvider(null);
        ApplicationModel.setDefault(null);
    }

    @Test
    void withNothingElseWardenHasItsModelDataAccessAndSpringSecuritysUsers() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(ApplicationModel.class).name()).isEqualTo("NotesSecurity");
            assertThat(context).hasSingleBean(WardenData.class);
            assertThat(context).hasSingleBean(SpringSecurityUserProvider.class);
            assertThat(context).hasSingleBean(WardenRegistration.class);
            assertThat(context).hasSingleBean(SecurityContextTaskDecorator.class);
            assertThat(context).hasSingleBean(AllowedRolesAdvisor.class);
            assertThat(context).doesNotHaveBean(WardenExceptionHandler.class);
            assertThat(context).doesNotHaveBean(WardenEndpoint.class);
            assertThat(context.getBean(WardenRegistration.class).userProvider())
                    .isSameAs(context.getBean(SpringSecurityUserProvider.class));
        });
    }

    @Test
    void theBridgeIsWardensWhileTheContextRunsAndNoLonger() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("7", "pw", "ROLE_Member"));

        runner.run(context -> {
            SecurityContext ctx = SecurityContext.current();
            assertThat(ctx.userId()).isEqualTo(7L);
            assertThat(ctx.userRoles()).containsExactly("Member");
            assertThat(ctx.application()).isSameAs(context.getBean(ApplicationModel.class));
        });

        assertThat(SecurityContext.current().isAnonymous())
                .as("the provider is unregistered when the context closes").isTrue();
    }

    @Test
    void aClosingContextLeavesTheRegistrationOfANewerOneAlone() {
        WardenRegistration older = new WardenRegistration(ApplicationModel.defaultModel(),
                () -> Optional.of(UserIdentity.of(1L, "Member")));
        older.afterPropertiesSet();
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("7", "pw", "ROLE_Member"));
        runner.run(context -> {
            older.destroy();
            assertThat(SecurityContext.current().userId()).as("still the newer context's bridge").isEqualTo(7L);
        });
    }

    @Test
    void aWebApplicationAnswersDenialsWith403() {
        new WebApplicationContextRunner().withConfiguration(WARDEN)
                .withPropertyValues("warden.web.expose-reason=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(WardenExceptionHandler.class);
                    assertThat(context.getBean(WardenExceptionHandler.class)).hasToString(
                            "WardenExceptionHandler[exposeReason=true]");
                });
    }

    @Test
    void withoutADataSourceThereIsNoWardenData() {
        new ApplicationContextRunner().withConfiguration(WARDEN).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(WardenData.class);
            assertThat(context).hasSingleBean(SpringSecurityUserProvider.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {
        @Bean
        DataSource first() {
            return h2("first");
        }

        @Bean
        DataSource second() {
            return h2("second");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSourcesOnePrimary {
        @Bean
        @Primary
        DataSource main() {
            return h2("main");
        }

        @Bean
        DataSource reporting() {
            return h2("reporting");
        }
    }

    private static DataSource h2(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Test
    void withSeveralDataSourcesWardenDataIsOnThePrimaryOrNone() {
        new ApplicationContextRunner().withConfiguration(WARDEN).withUserConfiguration(TwoDataSources.class)
                .run(context -> assertThat(context).doesNotHaveBean(WardenData.class));
        new ApplicationContextRunner().withConfiguration(WARDEN).withUserConfiguration(TwoDataSourcesOnePrimary.class)
                .run(context -> assertThat(context).hasSingleBean(WardenData.class));
    }

    @Test
    void withoutSpringJdbcWardenDataRunsTransactionsOfItsOwn() {
        new ApplicationContextRunner().withConfiguration(WARDEN)
                .withClassLoader(new FilteredClassLoader(DataSourceUtils.class))
                .withBean(DataSource.class, () -> h2("without-spring-jdbc"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(WardenData.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        static final ApplicationModel MODEL = ApplicationModel.builder("OwnModel").userRole("User", "Main.User")
                .build();
        static final UserProvider PROVIDER = () -> Optional.of(UserIdentity.of(99L, "User"));

        @Bean
        ApplicationModel ownModel() {
            return MODEL;
        }

        @Bean
        UserProvider ownUserProvider() {
            return PROVIDER;
        }

        @Bean
        WardenData ownData() {
            return WardenData.of(h2("own"));
        }

        @Bean
        WardenExceptionHandler ownHandler() {
            return new WardenExceptionHandler(true);
        }

        @Bean
        SecurityContextTaskDecorator ownDecorator() {
            return new SecurityContextTaskDecorator();
        }

        @Bean
        static AllowedRolesAdvisor ownAdvisor() {
            return new AllowedRolesAdvisor();
        }

        @Bean
        WardenEndpoint ownEndpoint() {
            return new WardenEndpoint(MODEL, getClass().getClassLoader());
        }
    }

    @Test
    void everyBeanGivesWayToTheApplicationsOwn() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withConfiguration(WARDEN)
                .withUserConfiguration(OwnBeans.class)
                .withPropertyValues("management.endpoints.web.exposure.include=warden")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(ApplicationModel.class)).isSameAs(OwnBeans.MODEL);
                    assertThat(context.getBean(UserProvider.class)).isSameAs(OwnBeans.PROVIDER);
                    assertThat(context).doesNotHaveBean(SpringSecurityUserProvider.class);
                    assertThat(context).getBeanNames(WardenData.class).containsExactly("ownData");
                    assertThat(context).getBeanNames(WardenExceptionHandler.class).containsExactly("ownHandler");
                    assertThat(context).getBeanNames(SecurityContextTaskDecorator.class)
                            .containsExactly("ownDecorator");
                    assertThat(context).getBeanNames(WardenEndpoint.class).containsExactly("ownEndpoint");
                    assertThat(context).getBeanNames(AllowedRolesAdvisor.class).containsExactly("ownAdvisor");

                    SecurityContext ctx = SecurityContext.current();
                    assertThat(ctx.application()).isSameAs(OwnBeans.MODEL);
                    assertThat(ctx.userId()).as("the application's own provider is registered").isEqualTo(99L);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnRegistration {
        @Bean
        WardenRegistration ownRegistration() {
            return new WardenRegistration(OwnBeans.MODEL, OwnBeans.PROVIDER);
        }
    }

    @Test
    void theRegistrationGivesWayToo() {
        runner.withUserConfiguration(OwnRegistration.class).run(context -> {
            assertThat(context).getBeanNames(WardenRegistration.class).containsExactly("ownRegistration");
            assertThat(SecurityContext.current().userId()).isEqualTo(99L);
        });
    }

    @Test
    void withoutSpringSecurityWardenKeepsItsOtherBeans() {
        runner.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SpringSecurityUserProvider.class);
            assertThat(context).doesNotHaveBean(SecurityContextTaskDecorator.class);
            assertThat(context).hasSingleBean(WardenData.class);
            assertThat(context.getBean(WardenRegistration.class).userProvider()).isNull();
        });
    }

    @Test
    void theTaskDecoratorCanBeTurnedOff() {
        runner.withPropertyValues("warden.task-decorator.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(SecurityContextTaskDecorator.class));
    }

    @Test
    void theEndpointIsThereWhenExposed() {
        runner.withPropertyValues("management.endpoints.web.exposure.include=health,warden")
                .run(context -> assertThat(context).hasSingleBean(WardenEndpoint.class));
        runner.withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(context -> assertThat(context).doesNotHaveBean(WardenEndpoint.class));
    }

    @Test
    void thePropertiesConfigureTheBridge() {
        runner.withPropertyValues("warden.user-id=property:id", "warden.role-prefix=GROUP_",
                        "warden.roles.Administrator=ROLE_ADMIN, SCOPE_admin", "warden.tokens.Region=claim:region")
                .run(context -> {
                    SpringSecurityUserProvider provider = context.getBean(SpringSecurityUserProvider.class);
                    UserIdentity admin = provider.userOf(new TestingAuthenticationToken(
                            Map.of("id", "5", "region", "North"), "pw", "SCOPE_admin", "GROUP_Member", "ROLE_Guest"));
                    assertThat(admin).isEqualTo(new UserIdentity(5L, Set.of("Administrator", "Member"),
                            Map.of("Region", "North")));
                });
    }

    @Test
    void aWrongUserIdSourceStopsTheApplication() {
        runner.withPropertyValues("warden.user-id=username").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("Property warden.user-id with value 'username' is invalid: 'username' is not "
                            + "a source of a user's value: write name (the username), property:<name>");
        });
    }

    @Test
    void anUndeclaredUserRoleStopsTheApplication() {
        runner.withPropertyValues("warden.roles.Admin=ROLE_ADMIN").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(InvalidConfigurationPropertyValueException.class)
                    .hasMessageContaining("Property warden.roles.Admin with value 'ROLE_ADMIN' is invalid: Cannot map "
                            + "authorities to user role 'Admin': NotesSecurity has no such user role; its user roles "
                            + "are [Administrator, Member, Guest]");
        });
    }

    @Test
    void anUndeclaredTokenOrAWrongSourceStopsTheApplication() {
        runner.withPropertyValues("warden.tokens.Regoin=claim:region").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("Property warden.tokens.Regoin with value 'claim:region' is invalid: Cannot "
                            + "take token 'Regoin' from claim:region: NotesSecurity declares no such @Token; its "
                            + "tokens are [Region]");
        });
        runner.withPropertyValues("warden.tokens.Region=header:X-Region").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("Property warden.tokens.Region with value 'header:X-Region' is invalid");
        });
    }

    @Test
    void withoutAnApplicationModelTheApplicationStopsSayingWhatToDo() {
        runner.withClassLoader(new FilteredClassLoader(
                        new ClassPathResource("META-INF/services/dev.warden.runtime.ApplicationModel"),
                        new ClassPathResource("META-INF/warden/generated/dev.warden.runtime.ApplicationModel")))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(
                            "No ApplicationModel found: annotate one class with @AppSecurity and compile with the "
                                    + "Warden processor");
                });
    }
}
