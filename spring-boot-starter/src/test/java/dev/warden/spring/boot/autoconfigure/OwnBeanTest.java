package dev.warden.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.jpa.WardenJpa;
import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import dev.warden.runtime.UserProvider;
import dev.warden.runtime.data.WardenData;
import dev.warden.runtime.sql.Dialect;
import dev.warden.spring.boot.actuate.WardenEndpoint;
import dev.warden.spring.boot.notes.Note;
import dev.warden.spring.boot.notes.NoteTable;
import dev.warden.spring.boot.notes.NotesUser;
import dev.warden.spring.boot.notes.memos.Memo;
import dev.warden.spring.boot.notes.memos.MemoRepository;
import dev.warden.spring.jdbc.SpringConnectionProvider;
import dev.warden.spring.operations.AllowedRolesAdvisor;
import dev.warden.spring.security.SecurityContextTaskDecorator;
import dev.warden.spring.security.SpringSecurityUserProvider;
import dev.warden.spring.web.WardenExceptionHandler;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Each of Warden's beans, one at a time, replaced by the application's own in an application with JPA, Spring Data
 * repositories and Spring Security (Boot's context runner): the application's bean is the one Warden uses, Warden's
 * is not made, and the rest of Warden is still there. The user provider, the data access and the Hibernate
 * customizer are also shown at work through a Spring Data repository and WardenData.
 */
class OwnBeanTest {
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    DataSourceInitializationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class,
                    HibernateJpaAutoConfiguration.class, DataJpaRepositoriesAutoConfiguration.class,
                    WardenAutoConfiguration.class, WardenSecurityAutoConfiguration.class,
                    WardenJpaAutoConfiguration.class, WardenWebMvcAutoConfiguration.class,
                    WardenEndpointAutoConfiguration.class, WardenOperationsAutoConfiguration.class))
            .withPropertyValues("warden.user-id=property:id", "warden.tokens.Region=property:region",
                    "spring.jpa.hibernate.ddl-auto=none", "management.endpoints.web.exposure.include=warden")
            .withUserConfiguration(Memos.class);

    /** The application's entities and repositories: those of the memos package. */
    @Configuration(proxyBeanMethods = false)
    @AutoConfigurationPackage(basePackageClasses = Memo.class)
    static class Memos {}

    @BeforeEach
    void signInWes() {
        NotesUser wes = new NotesUser(2L, "wes", "{noop}x", "North", AuthorityUtils.createAuthorityList("ROLE_Member"));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(wes, null, wes.getAuthorities()));
    }

    @AfterEach
    void reset() {
        SecurityContextHolder.clearContext();
        SecurityContext.setUserProvider(null);
        ApplicationModel.setDefault(null);
    }

    @Test
    void withNoBeanOfItsOwnTheApplicationGetsWardensAndWesSeesOnlyHisMemos() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(SpringSecurityUserProvider.class);
            assertThat(context).getBeanNames(WardenData.class).containsExactly("wardenData");
            assertThat(context).getBeanNames(HibernatePropertiesCustomizer.class)
                    .contains("wardenHibernatePropertiesCustomizer");
            MemoRepository memos = context.getBean(MemoRepository.class);
            assertThat(memos.findById(1L)).isPresent();
            assertThatThrownBy(() -> memos.findById(3L)).isInstanceOf(AccessDeniedException.class);
        });
    }

    /** A provider of its own: Nina, whoever Spring Security says is signed in. */
    @Configuration(proxyBeanMethods = false)
    static class OwnUserProvider {
        static final UserProvider NINA = () -> Optional.of(
                new UserIdentity(3L, Set.of("Member"), Map.of("Region", "South")));

        @Bean
        UserProvider ninaAlways() {
            return NINA;
        }
    }

    @Test
    void anOwnUserProviderIsTheOneWardenAsksInJpaAndWardenData() {
        runner.withUserConfiguration(OwnUserProvider.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SpringSecurityUserProvider.class);
            assertThat(context).getBean(UserProvider.class).isSameAs(OwnUserProvider.NINA);
            assertThat(context.getBean(WardenRegistration.class).userProvider()).isSameAs(OwnUserProvider.NINA);
            assertThat(SecurityContext.current().userId()).as("not wes, whom Spring Security has").isEqualTo(3L);

            MemoRepository memos = context.getBean(MemoRepository.class);
            assertThat(memos.findById(3L).orElseThrow().getTitle()).isEqualTo("Nina draft");
            assertThatThrownBy(() -> memos.findById(1L)).as("wes's memo, which Nina may not see")
                    .isInstanceOf(AccessDeniedException.class);
            WardenData data = context.getBean(WardenData.class);
            assertThat(data.list(NoteTable.TABLE)).extracting(Note::getId).containsExactlyInAnyOrder(3L, 5L);
        });
    }

    /** Data access of its own: WardenData told its dialect rather than detecting it. */
    @Configuration(proxyBeanMethods = false)
    static class OwnWardenData {
        @Bean
        WardenData ownData(DataSource dataSource) {
            return WardenData.of(new SpringConnectionProvider(dataSource), Dialect.h2());
        }
    }

    @Test
    void anOwnWardenDataIsTheOnlyOne() {
        runner.withUserConfiguration(OwnWardenData.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeanNames(WardenData.class).containsExactly("ownData");
            assertThat(context).hasSingleBean(SpringSecurityUserProvider.class);
            WardenData data = context.getBean(WardenData.class);
            assertThat(data.list(NoteTable.TABLE)).as("wes's rules, through the bridge")
                    .extracting(Note::getId).containsExactlyInAnyOrder(1L, 2L, 4L);
        });
    }

    /** The application's own customizer in the place of Warden's: it turns Warden's Hibernate listeners off. */
    @Configuration(proxyBeanMethods = false)
    static class OwnHibernateCustomizer {
        @Bean
        HibernatePropertiesCustomizer wardenHibernatePropertiesCustomizer() {
            return hibernate -> hibernate.put(WardenJpa.ENABLED, "false");
        }
    }

    @Test
    void anOwnHibernateCustomizerReplacesWardensEvenAgainstTheProperty() {
        runner.withUserConfiguration(OwnHibernateCustomizer.class)
                .withPropertyValues("warden.jpa.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBeanNames(HibernatePropertiesCustomizer.class)
                            .containsOnlyOnce("wardenHibernatePropertiesCustomizer");
                    assertThat(context.getBean("wardenHibernatePropertiesCustomizer").getClass().getName())
                            .startsWith(OwnHibernateCustomizer.class.getName());
                    assertThat(context.getBean(MemoRepository.class).findById(3L).orElseThrow().getTitle())
                            .as("Warden's listeners are off, as the application's customizer says")
                            .isEqualTo("Nina draft");
                    assertThat(context).hasSingleBean(WardenData.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnModel {
        static final ApplicationModel MODEL = ApplicationModel.builder("OwnModel").userRole("User", "Main.User")
                .userIdType(Long.class).token("Region", String.class).build();

        @Bean
        ApplicationModel ownModel() {
            return MODEL;
        }
    }

    @Test
    void anOwnApplicationModelIsTheOneWardenRegisters() {
        runner.withUserConfiguration(OwnModel.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).getBeanNames(ApplicationModel.class).containsExactly("ownModel");
                    assertThat(ApplicationModel.defaultModel()).as("the model Warden's contexts are of")
                            .isSameAs(OwnModel.MODEL);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnExceptionHandler {
        @Bean
        WardenExceptionHandler ownHandler() {
            return new WardenExceptionHandler(true);
        }
    }

    @Test
    void anOwnExceptionHandlerIsTheOnlyOne() {
        runner.withUserConfiguration(OwnExceptionHandler.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeanNames(WardenExceptionHandler.class).containsExactly("ownHandler");
            assertThat(context).hasSingleBean(WardenData.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnTaskDecorator {
        @Bean
        SecurityContextTaskDecorator ownDecorator() {
            return new SecurityContextTaskDecorator();
        }
    }

    @Test
    void anOwnTaskDecoratorIsTheOnlyOne() {
        runner.withUserConfiguration(OwnTaskDecorator.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeanNames(SecurityContextTaskDecorator.class).containsExactly("ownDecorator");
            assertThat(context).hasSingleBean(SpringSecurityUserProvider.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnAdvisor {
        @Bean
        static AllowedRolesAdvisor ownAdvisor() {
            return new AllowedRolesAdvisor();
        }
    }

    @Test
    void anOwnOperationAdvisorIsTheOnlyOne() {
        runner.withUserConfiguration(OwnAdvisor.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeanNames(AllowedRolesAdvisor.class).containsExactly("ownAdvisor");
            assertThat(context).hasSingleBean(WardenData.class);
        });
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEndpoint {
        @Bean
        WardenEndpoint ownEndpoint(ApplicationModel application) {
            return new WardenEndpoint(application, getClass().getClassLoader());
        }
    }

    @Test
    void anOwnEndpointIsTheOnlyOne() {
        runner.withUserConfiguration(OwnEndpoint.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBeanNames(WardenEndpoint.class).containsExactly("ownEndpoint");
            assertThat(context).hasSingleBean(WardenExceptionHandler.class);
        });
    }
}
