package nl.wederkerig.api.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import nl.wederkerig.api.problems.SecurityProblems;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;

/**
 * The API authenticates every request with HTTP Basic and keeps no session: with no session
 * cookie there is nothing for a cross-site request to ride on, so CSRF tokens are not needed here.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public SecurityFilterChain api(HttpSecurity http, SecurityProblems problems, Accounts accounts, PasswordEncoder passwords,
                                   Clock clock,
                                   @Value("${wederkerig.accounts.verified-credentials-cache:true}") boolean cacheVerified)
            throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // Set here rather than as beans: one manager, no parent, so a rejected password is checked once.
                .authenticationManager(authenticationManager(accounts, passwords, clock, cacheVerified))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    private static AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder passwords, Clock clock,
                                                               boolean cacheVerified) {
        AuthenticationProvider provider;
        if (cacheVerified) {
            provider = new VerifiedCredentialsCache(accounts, passwords, clock);
        } else {
            DaoAuthenticationProvider bcryptEveryRequest = new DaoAuthenticationProvider(accounts);
            bcryptEveryRequest.setPasswordEncoder(passwords);
            provider = bcryptEveryRequest;
        }
        return new ProviderManager(provider);
    }
}
