package org.supportgate.ticketing.partner;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PartnerRepository extends JpaRepository<Partner, String> {

    List<Partner> findAllByOrderByIdAsc();
}
